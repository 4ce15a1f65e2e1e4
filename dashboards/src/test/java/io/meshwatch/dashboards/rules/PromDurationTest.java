package io.meshwatch.dashboards.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromDurationTest {

  @Test
  void format_writesLargestUnitsFirstAsPrometheusReadsThem() {
    assertThat(PromDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(PromDuration.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(PromDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(PromDuration.format(Duration.ofDays(28))).isEqualTo("28d");
    assertThat(PromDuration.format(Duration.ofHours(36))).isEqualTo("1d12h");
    assertThat(PromDuration.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
  }

  @Test
  void format_rejectsWhatPrometheusCannotRead() {
    assertThatThrownBy(() -> PromDuration.format(Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> PromDuration.format(Duration.ofNanos(1_500))).hasMessageContaining("whole milliseconds");
  }
}
