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
 * <p>A series keeps tiers of buckets aligned to the epoch, finest first: 1-minute buckets for the last
 * {@link #MINUTE_SPAN} (360 buckets), 5-minute buckets for the last {@link #FINE_SPAN} (864 buckets)
 * and, for an SLO window longer than that, 1-hour buckets for the whole window ({@code ceil(window /
 * 1h)} buckets). A look-back {@code W} is answered by the finest tier that covers it, of resolution
 * {@code res = }{@link #resolution resolution(W)}: 1 minute for {@code W <= 6h} (the burn windows 5m,
 * 30m, 1h, 2h, 6h), 5 minutes for {@code W <= 3d} (1d, 3d), 1 hour beyond. It sums the
 * {@code n = ceil(W / res)} buckets of that tier up to and including now's: the events at {@code t}
 * with {@code floor(t / res) > floor(now / res) - n}. Every implementation answers exactly this, so
 * replacing one by another does not move a number.
 *
 * <p>Compared with the raw-time answer, the events with {@code t > now - W}, a look-back differs by
 * at most the events of one bucket of its tier at the window's old edge (the oldest bucket summed, or
 * the one just before it): the answer lies between the raw answers for {@code W - res} and
 * {@code W + res}.
 *
 * <p>Implementations are thread-safe: {@link #add} is called from ingest threads while the engine
 * reads {@link #counts} on another.
 */
public interface SliSeries {

  /** How far back a series keeps 1-minute buckets; look-backs up to it are exact to the minute. */
  Duration MINUTE_SPAN = Duration.ofHours(6);

  /**
   * How far back a series keeps 5-minute buckets (the longest burn window), and the least it keeps
   * whatever its SLO window.
   */
  Duration FINE_SPAN = Duration.ofDays(3);

  /**
   * Adds {@code good} of {@code total} events that happened at {@code at}. A time later than
   * {@code now} counts as {@code now}. The events go into every tier still holding {@code at}.
   *
   * @return false, without counting anything, if {@code at} is older than the series keeps (it would
   *     not be counted by {@code counts(retention(), now)}) or the counts are not
   *     {@code 0 <= good <= total}
   */
  boolean add(Instant at, long good, long total, Instant now);

  /**
   * The events of the last {@code lookBack} before {@code now} (see the class comment for the buckets
   * summed and the tolerance). A look-back beyond {@link #retention()} answers what is kept.
   */
  Counts counts(Duration lookBack, Instant now);

  /**
   * The bucket size {@link #counts(Duration, Instant)} uses for {@code lookBack}: the tolerance of its
   * answer against raw time is the events of one bucket of this size.
   */
  Duration resolution(Duration lookBack);

  /**
   * The events in the buckets that start within {@code span}, each instant read from the finest tier
   * still holding it (so nothing is counted twice). A span whose ends are aligned to the resolution
   * held at its start is exact; otherwise the answer lies between the raw events in
   * {@code [start + res, end)} and those in {@code [start, end + res)}, {@code res} the resolution held
   * at the start. Used for calendar windows and to take exclusions out.
   */
  Counts counts(WindowSpan span, Instant now);

  /**
   * The events within {@code span} in consecutive buckets of {@code step} (aligned to the epoch),
   * oldest first, buckets without events left out; the same buckets as {@link #counts(WindowSpan,
   * Instant)}, so the steps add up to it. A step finer than the resolution held for a time gets that
   * resolution's buckets, each reported at the step bucket holding its start.
   */
  List<SliBucket> history(WindowSpan span, Duration step, Instant now);

  /**
   * Changes whenever the settled history changes other than by time passing: an event counted in a
   * 5-minute bucket before the one holding the series' latest time, or the window resized. Events of
   * the current 5-minute bucket leave it as it is, so a reader may keep what it derived from the
   * buckets before that one while it stays the same.
   */
  long version();

  /** The start of the minute of the first event the series ever counted, {@code null} before one. */
  @Nullable Instant firstEvent();

  /**
   * How far back the series keeps events: its coarsest tier's buckets times their size, at least its
   * SLO window and at least {@link #FINE_SPAN}.
   */
  Duration retention();
}
