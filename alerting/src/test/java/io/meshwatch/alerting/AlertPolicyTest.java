package io.meshwatch.alerting;

import io.meshwatch.model.BurnRateThresholds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertPolicyTest {

  @Test
  void default_usesTheSreWorkbookThresholds() {
    assertThat(AlertPolicy.DEFAULT.thresholds()).isEqualTo(new BurnRateThresholds(14.4, 6, 3, 1));
    assertThat(AlertPolicy.DEFAULT.pendingFor()).isEqualTo(Duration.ofMinutes(2));
    assertThat(AlertPolicy.DEFAULT.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void constructor_reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> new AlertPolicy(null, Duration.ofMinutes(-1), Duration.ofSeconds(-1)))
        .hasMessageContaining("thresholds")
        .hasMessageContaining("pendingFor")
        .hasMessageContaining("keepFiringFor");
  }
}
