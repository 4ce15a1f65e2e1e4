package io.meshwatch.collector.metrics;

import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The threshold an SLO judged by at an evaluation: the one its spec declares, else what the engine
 * learned, NaN while it is still learning (or when nothing is known at all).
 */
final class SloThresholds {

  private SloThresholds() {}

  /** The data age a freshness SLO tolerates, in seconds. */
  static double freshnessSeconds(SloStatus status, @Nullable SloSpec spec) {
    if (spec != null && spec.threshold() instanceof Threshold.MaxAge declared) {
      return seconds(declared.maxAge());
    }
    if (status.baseline() instanceof LearnedBaseline.FreshnessCadence cadence
        && cadence.ready() && cadence.overdueAfter() != null) {
      return seconds(cadence.overdueAfter());
    }
    return Double.NaN;
  }

  /** The rows per run a volume SLO accepts, {@code [lower, upper]}. */
  static double[] volumeBand(SloStatus status, @Nullable SloSpec spec) {
    if (spec != null && spec.threshold() instanceof Threshold.RowBand declared) {
      return new double[] {declared.minRows(), declared.maxRows()};
    }
    if (status.baseline() instanceof LearnedBaseline.VolumeBand band && band.ready()) {
      return new double[] {band.minRows(), band.maxRows()};
    }
    return new double[] {Double.NaN, Double.NaN};
  }

  static double seconds(Duration duration) {
    return duration.getSeconds() + duration.getNano() / 1e9;
  }
}
