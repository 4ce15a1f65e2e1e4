package io.meshwatch.collector.slo;

import io.meshwatch.collector.baseline.CadenceLearner;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Classifies elapsed time for a freshness SLO: every whole minute since the SLO's cursor is one
 * event at the minute's end, good while the newest data known is at most the SLO's max age old at
 * that moment or, for an SLO that learns its threshold, while the product's learned cadence does not
 * call it overdue ({@link CadenceLearner#overdue}). The engine classifies up to a signal's receipt
 * time before that signal changes what is known, and up to now at evaluation, so each minute is
 * judged by the state that held during it and the counts do not depend on when evaluations run.
 * Callers hold the product's lock.
 *
 * <p>A minute is not counted at all ("can't tell" is neither good nor bad, so the error budget
 * freezes) when it ended before the first freshness update arrived, when the agent had been silent
 * past the timeout by its end, or, for a learned threshold, while the cadence is not ready yet (the
 * SLO then shows {@code insufficient_history}). Catch-up after a long gap is capped to what the
 * series keeps, so a collector that was paused for months does one window's work, not months of it.
 */
final class FreshnessMinutes {

  static final long MINUTE_MILLIS = 60_000;

  private FreshnessMinutes() {}

  /** Epoch minute whose start is the latest minute boundary at or before {@code now}. */
  static long minuteOf(Instant now) {
    return Math.floorDiv(now.toEpochMilli(), MINUTE_MILLIS);
  }

  static void account(SloTrack slo, ProductTrack product, Instant now, Duration silenceTimeout) {
    long end = minuteOf(now);
    long cursor = slo.accountedUntilMinute();
    if (end <= cursor) {
      return;
    }
    SliSeries series = slo.series();
    long from = Math.max(cursor, end - series.retention().toMinutes());
    Instant since = product.freshnessSince();
    Instant dataTime = product.dataTime();
    Instant lastSeen = product.lastSeen();
    Instant freshUntil = dataTime == null ? null : freshUntil(slo, product, dataTime);
    if (since != null && lastSeen != null && freshUntil != null) {
      long sinceMillis = epochMillis(since);
      long silentAfter = saturatedAdd(epochMillis(lastSeen), silenceTimeout.toMillis());
      long freshUntilMillis = epochMillis(freshUntil);
      for (long minute = from + 1; minute <= end; minute++) {
        long minuteEnd = minute * MINUTE_MILLIS;
        if (minuteEnd >= sinceMillis && minuteEnd <= silentAfter) {
          series.add(Instant.ofEpochMilli(minuteEnd), minuteEnd <= freshUntilMillis ? 1 : 0, 1, now);
        }
      }
    }
    slo.accountedUntilMinute(end);
  }

  /**
   * Epoch milliseconds, saturated at the ends of {@code long}: a data time restored from an older
   * snapshot may lie beyond them, and a minute is then simply before (or after) it.
   */
  static long epochMillis(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds >= Long.MAX_VALUE / 1000) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / 1000 + 1) {
      return Long.MIN_VALUE;
    }
    return instant.toEpochMilli();
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    // Overflow only when both have the same sign and the sum's sign differs.
    return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
  }

  /**
   * Until when data of {@code dataTime} is fresh: its age under the declared max age or, for an SLO
   * that learns its threshold, until the learned cadence's deadline; {@code null} while the cadence is
   * not ready. Neither changes between freshness updates, so it is computed once per catch-up.
   */
  private static @Nullable Instant freshUntil(SloTrack slo, ProductTrack product, Instant dataTime) {
    if (slo.spec().threshold() instanceof Threshold.MaxAge maxAge) {
      return dataTime.plus(maxAge.maxAge());
    }
    if (ProductTrack.learnsCadence(slo.spec())) {
      CadenceLearner cadence = product.cadence(ProductTrack.cadenceZone(slo.spec()));
      return cadence == null ? null : cadence.deadline(dataTime);
    }
    return null;
  }
}
