package io.meshwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertPolicyTest {

  @Test
  void default_pendsTwoMinutesAndKeepsFiringFive() {
    assertThat(AlertPolicy.DEFAULT.pendingFor()).isEqualTo(Duration.ofMinutes(2));
    assertThat(AlertPolicy.DEFAULT.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void constructor_reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> new AlertPolicy(Duration.ofMinutes(-1), Duration.ofSeconds(-1)))
        .hasMessageContaining("pendingFor")
        .hasMessageContaining("keepFiringFor");
  }
}
