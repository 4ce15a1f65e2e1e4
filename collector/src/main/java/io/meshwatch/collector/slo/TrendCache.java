package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.SloSpec;
import java.util.function.Supplier;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.jspecify.annotations.Nullable;

/**
 * The part of one SLO's trend fit that only changes when its completed history does: the
 * least-squares sums over the burn-down buckets that ended before the current one. Reading a 28-day
 * window's history on every evaluation tick costs far more than the rest of an evaluation; this way
 * it is read once per step (an hour) and again only when an event lands. The fit is always rebuilt
 * from the same sums in the same order, so a cold cache (after a restart) gives the very numbers a
 * warm one does. Touched only under the engine's lock.
 */
final class TrendCache {

  /**
   * What the completed fit depends on: the series and its version, the spec, where the step and the
   * window start, and — for an SLO whose exclusions or calendar start may lie off the coarser tiers'
   * grid, so that which tier answers for them moves as the finer ones advance — the minute.
   */
  record Key(SliSeries series, SloSpec spec, long completedEnd, long firstBucket, long version, long minute) {}

  /** The fit of the completed buckets: cumulative bad events against milliseconds before {@code completedEnd}. */
  record Completed(SimpleRegression fit, long bad) {}

  private @Nullable Key key;
  private @Nullable Completed completed;

  Completed completed(Key current, Supplier<Completed> compute) {
    if (completed == null || !current.equals(key)) {
      completed = compute.get();
      key = current;
    }
    return completed;
  }
}
