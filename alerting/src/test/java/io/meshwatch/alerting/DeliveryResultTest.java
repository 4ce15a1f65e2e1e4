package io.meshwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryResultTest {

  @Test
  void rejected_serverErrorsTooManyRequestsAndRequestTimeoutAreRetryableOtherRejectionsNot() {
    assertThat(DeliveryResult.rejected(500, "").retryable()).isTrue();
    assertThat(DeliveryResult.rejected(503, "").retryable()).isTrue();
    assertThat(DeliveryResult.rejected(429, "").retryable()).isTrue();
    assertThat(DeliveryResult.rejected(408, "").retryable()).isTrue();
    assertThat(DeliveryResult.rejected(400, "").retryable()).isFalse();
    assertThat(DeliveryResult.rejected(404, "").retryable()).isFalse();
    assertThat(DeliveryResult.rejected(301, "").retryable()).isFalse();
  }

  @Test
  void rejected_errorCarriesStatusAndBody() {
    DeliveryResult result = DeliveryResult.rejected(400, "bad labels\n");

    assertThat(result.delivered()).isFalse();
    assertThat(result.statusCode()).isEqualTo(400);
    assertThat(result.error()).isEqualTo("HTTP 400: bad labels");
  }

  @Test
  void constructor_rejectsContradictions() {
    assertThatThrownBy(() -> new DeliveryResult(true, 200, "oops", false)).hasMessageContaining("delivered");
    assertThatThrownBy(() -> new DeliveryResult(false, 0, null, true)).hasMessageContaining("needs an error");
  }
}
