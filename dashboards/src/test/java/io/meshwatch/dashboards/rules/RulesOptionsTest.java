package io.meshwatch.dashboards.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RulesOptionsTest {

  @Test
  void defaults_timeAlertsAsTheCollectorsDefaultAlertPolicy() {
    // AlertPolicy.DEFAULT: 2 minutes pending, 5 minutes keep-firing-for (alerting module).
    assertThat(RulesOptions.DEFAULTS.alertFor()).isEqualTo(Duration.ofMinutes(2));
    assertThat(RulesOptions.DEFAULTS.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(RulesOptions.DEFAULTS.evaluationInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void constructor_reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> new RulesOptions(Duration.ZERO, Duration.ofSeconds(-1), null))
        .hasMessageContaining("evaluationInterval must be positive, got PT0S")
        .hasMessageContaining("alertFor must be zero or positive, got PT-1S")
        .hasMessageContaining("keepFiringFor must be zero or positive, got null");
  }
}
