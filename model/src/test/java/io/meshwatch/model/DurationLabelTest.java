package io.meshwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationLabelTest {

  @Test
  void of_writesTheLargestUnitThatHoldsTheDurationExactly() {
    assertThat(DurationLabel.of(Duration.ofDays(28))).isEqualTo("28d");
    assertThat(DurationLabel.of(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(DurationLabel.of(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationLabel.of(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void of_writesDurationsWhoseMillisecondsOverflowALong() {
    assertThat(DurationLabel.of(Duration.ofDays(106_751_991_167_300L))).isEqualTo("106751991167300d");
    assertThat(DurationLabel.of(Duration.ofHours(999_999_999_999_999L))).isEqualTo("999999999999999h");
    assertThat(DurationLabel.of(Duration.ofSeconds(Long.MAX_VALUE, 1_000_000))).isEqualTo("9223372036854775807001ms");
  }

  @Test
  void of_refusesNegativeAndSubMillisecondDurations() {
    assertThatThrownBy(() -> DurationLabel.of(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DurationLabel.of(Duration.ofNanos(1))).isInstanceOf(IllegalArgumentException.class);
  }
}
