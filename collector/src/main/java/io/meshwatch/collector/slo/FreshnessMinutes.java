package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import java.time.Instant;

/**
 * Classifies elapsed time for a freshness SLO: every whole minute since the SLO's cursor is one
 * event at the minute's end, good while the newest data known is at most the SLO's max age old at
 * that moment. The engine classifies up to a signal's receipt time before that signal changes what
 * is known, and up to now at evaluation, so each minute is judged by the state that held during it
 * and the counts do not depend on when evaluations run. Callers hold the product's lock. A minute is not counted at all ("can't tell" is neither good nor bad, so the error
 * budget freezes) when it ended before the first freshness update arrived, or when the agent had
 * been silent past the timeout by its end. Catch-up after a long gap is capped to what the series
 * keeps, so a collector that was paused for months does one window's work, not months of it.
 */
final class FreshnessMinutes {

  static final long MINUTE_MILLIS = 60_000;

  private FreshnessMinutes() {}

  /** Epoch minute whose start is the latest minute boundary at or before {@code now}. */
  static long minuteOf(Instant now) {
    return Math.floorDiv(now.toEpochMilli(), MINUTE_MILLIS);
  }

  /** Classifies the minutes of every freshness SLO of {@code product} that ended by {@code upTo}. */
  static void account(ProductTrack product, Instant upTo, Duration silenceTimeout) {
    for (SloTrack slo : product.slos()) {
      if (slo.spec().kind() == SliKind.FRESHNESS) {
        account(slo, product, upTo, silenceTimeout);
      }
    }
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
    if (since != null && dataTime != null && lastSeen != null
        && slo.spec().threshold() instanceof Threshold.MaxAge maxAge) {
      long sinceMillis = since.toEpochMilli();
      long silentAfter = lastSeen.toEpochMilli() + silenceTimeout.toMillis();
      long freshUntil = dataTime.toEpochMilli() + maxAge.maxAge().toMillis();
      for (long minute = from + 1; minute <= end; minute++) {
        long minuteEnd = minute * MINUTE_MILLIS;
        if (minuteEnd >= sinceMillis && minuteEnd <= silentAfter) {
          series.add(Instant.ofEpochMilli(minuteEnd), minuteEnd <= freshUntil ? 1 : 0, 1, now);
        }
      }
    }
    slo.accountedUntilMinute(end);
  }
}
