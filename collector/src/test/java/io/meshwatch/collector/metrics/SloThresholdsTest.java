package io.meshwatch.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.Threshold;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SloThresholdsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void freshnessSeconds_declaredWinsOverLearned() {
    SloSpec declared = new SloSpec("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(90)), 99, Duration.ofDays(28));
    LearnedBaseline cadence = new LearnedBaseline.FreshnessCadence(Duration.ofHours(1), Duration.ofHours(2), false, 30, 10);

    assertThat(SloThresholds.freshnessSeconds(status(SliKind.FRESHNESS, cadence), declared)).isEqualTo(5400.0);
  }

  @Test
  void freshnessSeconds_learnedOnceReady_NaNWhileLearningOrNotExpected() {
    SloSpec learning = new SloSpec("fresh", SliKind.FRESHNESS, null, 99, Duration.ofDays(28));

    assertThat(SloThresholds.freshnessSeconds(status(SliKind.FRESHNESS,
        new LearnedBaseline.FreshnessCadence(Duration.ofHours(1), Duration.ofHours(2), false, 30, 10)), learning)).isEqualTo(7200.0);
    assertThat(SloThresholds.freshnessSeconds(status(SliKind.FRESHNESS,
        new LearnedBaseline.FreshnessCadence(Duration.ofHours(1), null, true, 30, 10)), learning)).isNaN();
    assertThat(SloThresholds.freshnessSeconds(status(SliKind.FRESHNESS,
        new LearnedBaseline.FreshnessCadence(Duration.ofHours(1), Duration.ofHours(2), false, 3, 10)), learning)).isNaN();
    assertThat(SloThresholds.freshnessSeconds(status(SliKind.FRESHNESS, null), null)).isNaN();
  }

  @Test
  void volumeBand_declaredOrLearnedOnceReady() {
    SloSpec declared = new SloSpec("volume", SliKind.VOLUME, new Threshold.RowBand(10, 1000), 95, Duration.ofDays(28));
    SloSpec learning = new SloSpec("volume", SliKind.VOLUME, null, 95, Duration.ofDays(28));

    assertThat(SloThresholds.volumeBand(status(SliKind.VOLUME, null), declared)).containsExactly(10.0, 1000.0);
    assertThat(SloThresholds.volumeBand(status(SliKind.VOLUME,
        new LearnedBaseline.VolumeBand(500, 20, 400, 600, 12, 10)), learning)).containsExactly(400.0, 600.0);
    assertThat(SloThresholds.volumeBand(status(SliKind.VOLUME,
        new LearnedBaseline.VolumeBand(500, 20, 400, 600, 2, 10)), learning)).containsExactly(Double.NaN, Double.NaN);
  }

  private static SloStatus status(SliKind kind, @Nullable LearnedBaseline baseline) {
    return new SloStatus(ProductId.parse("sales.orders"), "slo", kind, 0.99, SloState.HEALTHY, null, null, null, Map.of(),
        NOW, new WindowSpan(NOW.minus(Duration.ofDays(28)), NOW), 0, 0, List.of(), BudgetForecast.NONE, baseline);
  }
}
