package io.meshwatch.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the engine learned for an SLO that declares no threshold, shown in the API so that owners can
 * see (and then declare) the threshold being applied. A baseline judges nothing until it has
 * {@code minSamples} samples.
 */
public sealed interface LearnedBaseline {

  /** Samples seen so far (update intervals, or runs). */
  int samples();

  /** Samples needed before the baseline judges. */
  int minSamples();

  /** Whether the baseline has enough history to judge. */
  default boolean ready() {
    return samples() >= minSamples();
  }

  /**
   * The learned update cadence of a freshness SLO. {@code overdueAfter} is how old the data may get
   * before it is late at the time of evaluation (its hour of the week where the cadence is weekly),
   * {@code null} where the product is not expected to update at that time (a weekend for a
   * weekday-only product) or before the baseline is ready.
   */
  record FreshnessCadence(
      Duration typicalInterval, @Nullable Duration overdueAfter, boolean weekly, int samples, int minSamples)
      implements LearnedBaseline {}

  /** The learned band of rows per run of a volume SLO: median ± a multiple of the MAD. */
  record VolumeBand(double medianRows, double madRows, double minRows, double maxRows, int samples, int minSamples)
      implements LearnedBaseline {

    /** Whether {@code rows} lies in the band. */
    public boolean contains(double rows) {
      return rows >= minRows && rows <= maxRows;
    }
  }
}
