package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.SliBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The error budget's burn-down over a window: after each bucket, the budget that would remain if the
 * window ended there, {@code 1 - cumulativeBad / (errorBudget * totalEventsInWindow)}. Measured
 * against the whole window's events, so the last point is the budget remaining now.
 */
final class BurnDown {

  /** The budget remaining at {@code at}, the end of a bucket (never after the evaluation instant). */
  record Point(Instant at, double budgetRemaining) {}

  private BurnDown() {}

  static List<Point> of(List<SliBucket> buckets, Duration step, Instant now, double errorBudget, long windowTotal) {
    List<Point> points = new ArrayList<>(buckets.size());
    long bad = 0;
    for (SliBucket bucket : buckets) {
      bad += bucket.total() - bucket.good();
      Instant end = bucket.start().plus(step);
      points.add(new Point(end.isAfter(now) ? now : end, remaining(bad, errorBudget, windowTotal)));
    }
    return points;
  }

  static double remaining(long bad, double errorBudget, long windowTotal) {
    return windowTotal == 0 ? 1.0 : 1.0 - bad / (errorBudget * windowTotal);
  }
}
