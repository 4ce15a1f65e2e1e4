package io.meshwatch.collector.slo;

/**
 * The error budget's burn-down over a window: after each bucket, the budget that would remain if the
 * window ended there, {@code 1 - cumulativeBad / (errorBudget * totalEventsInWindow)}. Measured
 * against the whole window's events, so the last point is the budget remaining now.
 */
final class BurnDown {

  private BurnDown() {}

  static double remaining(long bad, double errorBudget, long windowTotal) {
    return windowTotal == 0 ? 1.0 : 1.0 - bad / (errorBudget * windowTotal);
  }
}
