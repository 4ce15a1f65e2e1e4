package io.meshwatch.agent;

import org.jspecify.annotations.Nullable;

/**
 * One pass over a column's numbers: count, min, max, Welford's running mean and squared deviations
 * (stable where the naive sum of squares cancels), and P² percentile markers, which keep five
 * numbers each instead of the data. All state is primitive: {@link #add(double)} allocates nothing.
 */
final class NumericAccumulator {

  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double mean;
  private double squaredDeviations;
  private final PSquareQuantile p50 = new PSquareQuantile(0.50);
  private final PSquareQuantile p95 = new PSquareQuantile(0.95);

  /** Adds a value; NaN and infinities are left out of the summary. */
  void add(double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    count++;
    if (value < min) {
      min = value;
    }
    if (value > max) {
      max = value;
    }
    double delta = value - mean;
    mean += delta / count;
    squaredDeviations += delta * (value - mean);
    p50.add(value);
    p95.add(value);
  }

  @Nullable NumericSummary summary() {
    if (count == 0) {
      return null;
    }
    double sd = count > 1 ? Math.sqrt(squaredDeviations / (count - 1)) : 0;
    return new NumericSummary(count, min, max, mean, sd, clamp(p50.result()), clamp(p95.result()));
  }

  // P² interpolates between markers; rounding must not put its estimate outside the range actually seen.
  private double clamp(double estimate) {
    return Double.isNaN(estimate) ? min : Math.max(min, Math.min(max, estimate));
  }
}
