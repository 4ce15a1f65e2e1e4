package io.meshwatch.agent;

/**
 * The numbers in one column of a batch: how many finite values, their range, mean, sample standard
 * deviation (n − 1 in the denominator; 0 for a single value) and approximate median and 95th
 * percentile (P² estimates, exact for up to five values).
 *
 * <pre>{@code
 * NumericSummary amount = profile.column("amount").orElseThrow().numeric();
 * if (amount != null && amount.p95() > 10_000) { ... }
 * }</pre>
 */
public record NumericSummary(
    long count, double min, double max, double mean, double standardDeviation, double p50, double p95) {

  public NumericSummary {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    finite("min", min);
    finite("max", max);
    finite("mean", mean);
    finite("standardDeviation", standardDeviation);
    finite("p50", p50);
    finite("p95", p95);
    if (min > max) {
      throw new IllegalArgumentException("min (" + min + ") must not exceed max (" + max + ")");
    }
    if (standardDeviation < 0) {
      throw new IllegalArgumentException("standardDeviation must not be negative, got " + standardDeviation);
    }
  }

  private static void finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite, got " + value);
    }
  }
}
