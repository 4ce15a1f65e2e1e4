package io.meshwatch.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.slo.SloHistory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlosHandlerTest {

  @Test
  void defaultStep_keepsTheEnginesStepWhereItFitsAndCoarsensLongerWindowsToWholeHours() {
    assertThat(SlosHandler.defaultStep(Duration.ofDays(3))).isEqualTo(Duration.ofMinutes(5));
    assertThat(SlosHandler.defaultStep(Duration.ofDays(28))).isEqualTo(Duration.ofHours(1));
    assertThat(SlosHandler.defaultStep(Duration.ofDays(92))).isEqualTo(Duration.ofHours(2));
    assertThat(SlosHandler.defaultStep(Duration.ofDays(366))).isEqualTo(Duration.ofHours(5));
    for (long days = 1; days <= 366; days++) {
      Duration window = Duration.ofDays(days);
      assertThat(window.toMillis() / SlosHandler.defaultStep(window).toMillis() + 2).as(days + "d")
          .isLessThanOrEqualTo(SloHistory.MAX_POINTS);
    }
  }
}
