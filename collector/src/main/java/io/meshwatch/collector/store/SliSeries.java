package io.meshwatch.collector.store;

import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Good and total events of one SLO of one product over time, bucketed so that windows can be summed.
 * Callers pass the current time in, so a series never reads a clock; times only ever move forward
 * through it (an earlier {@code now} than seen before is treated as the latest one seen).
 *
 * <p>Windows are whole buckets ending with the one that holds {@code now}. Buckets are epoch minutes
 * for look-backs up to {@link #FINE_SPAN} (the longest burn window) and epoch hours beyond it, so a
 * look-back {@code W} covers the {@code ceil(W / 1m)} minutes (or {@code ceil(W / 1h)} hours) up to
 * and including now's: events at {@code t} with {@code minute(t) > minute(now) - ceil(W / 1m)}. Every
 * implementation answers exactly this, so replacing one by another does not move a number.
 *
 * <p>Implementations are thread-safe: {@link #add} is called from ingest threads while the engine
 * reads {@link #counts} on another.
 */
public interface SliSeries {

  /** How far back a series keeps minute resolution at least. */
  Duration FINE_SPAN = Duration.ofDays(3);

  /**
   * Adds {@code good} of {@code total} events that happened at {@code at}. A time later than
   * {@code now} counts as {@code now}.
   *
   * @return false, without counting anything, if {@code at} is older than the series keeps or the
   *     counts are not {@code 0 <= good <= total}
   */
  boolean add(Instant at, long good, long total, Instant now);

  /**
   * The events of the last {@code lookBack} before {@code now} (see the class comment for how
   * windows map to buckets). A look-back beyond {@link #retention()} answers what is kept.
   */
  Counts counts(Duration lookBack, Instant now);

  /**
   * The events in the buckets that start within {@code span}, at the finest resolution the series
   * still holds for that time; spans aligned to that resolution are exact. Used for calendar windows
   * and to take exclusions out.
   */
  Counts counts(WindowSpan span, Instant now);

  /**
   * The events within {@code span} in consecutive buckets of {@code step} (aligned to the epoch),
   * oldest first, buckets without events left out. A step finer than the resolution held for a time
   * gets that resolution's buckets, each reported at the step bucket holding its start.
   */
  List<SliBucket> history(WindowSpan span, Duration step, Instant now);

  /** The start of the minute of the first event the series ever counted, {@code null} before one. */
  @Nullable Instant firstEvent();

  /** How far back the series keeps events: at least its SLO window and at least {@link #FINE_SPAN}. */
  Duration retention();
}
