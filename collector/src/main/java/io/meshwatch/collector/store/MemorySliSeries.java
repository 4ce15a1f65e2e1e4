package io.meshwatch.collector.store;

import io.meshwatch.model.BurnWindow;
import java.time.Duration;
import java.time.Instant;
import io.meshwatch.model.WindowSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An {@link SliSeries} in memory: a ring of minute buckets covering {@link #FINE_SPAN} and, for an SLO
 * window longer than that, a ring of hour buckets covering the whole window. Every event goes into
 * both rings, so look-backs up to three days are exact to the minute and longer ones exact to the
 * hour (such a window covers the hour buckets up to now's, i.e. between {@code W - 1h} and {@code W}
 * of time). Every {@link BurnWindow} and the SLO window are running sums, so an evaluation reads them
 * in O(1) and only pays for the buckets that left a window since the last call.
 *
 * <p>Memory per SLO, once it has seen an event (nothing before): the minute ring is 4320 buckets x 2
 * ints = 34,560 bytes; the hour ring is {@code ceil(window / 1h)} x 8 bytes, 5,376 bytes for 28 days
 * (5,760 for 30 days); with object headers and running sums about 40 KiB for a 28-day SLO and 34 KiB
 * for an SLO of three days or less.
 */
final class MemorySliSeries implements SliSeries {

  static final int MINUTES = Math.toIntExact(FINE_SPAN.toMinutes());
  private static final long MINUTE_MILLIS = 60_000;
  private static final long HOUR_MILLIS = 3_600_000;

  private Duration window;
  private BucketRing minutes;
  private @Nullable BucketRing hours;
  private long firstMinute = Long.MAX_VALUE;

  MemorySliSeries(Duration window) {
    this.window = window;
    this.minutes = minuteRing(window);
    this.hours = hourRing(window);
  }

  @Override
  public synchronized boolean add(Instant at, long good, long total, Instant now) {
    if (good < 0 || total < good) {
      return false;
    }
    long nowMillis = now.toEpochMilli();
    advanceTo(nowMillis);
    long atMillis = Math.min(at.toEpochMilli(), nowMillis);
    boolean kept = minutes.add(Math.min(minute(atMillis), minutes.head()), good, total);
    if (hours != null) {
      kept |= hours.add(Math.min(hour(atMillis), hours.head()), good, total);
    }
    if (kept && total > 0) {
      firstMinute = Math.min(firstMinute, minute(atMillis));
    }
    return kept;
  }

  @Override
  public synchronized Counts counts(Duration lookBack, Instant now) {
    advanceTo(now.toEpochMilli());
    long lookBackMinutes = ceil(lookBack, MINUTE_MILLIS);
    if (lookBackMinutes <= MINUTES || hours == null) {
      return minutes.sum((int) Math.min(lookBackMinutes, MINUTES));
    }
    return hours.sum((int) Math.min(ceil(lookBack, HOUR_MILLIS), hours.capacity()));
  }

  @Override
  public synchronized Counts counts(WindowSpan span, Instant now) {
    long[] sums = new long[2];
    visit(span, now, (startMillis, good, total) -> {
      sums[0] += good;
      sums[1] += total;
    });
    return new Counts(sums[0], sums[1]);
  }

  @Override
  public synchronized List<SliBucket> history(WindowSpan span, Duration step, Instant now) {
    long stepMillis = Math.max(1, step.toMillis());
    Map<Long, long[]> byStep = new TreeMap<>();
    visit(span, now, (startMillis, good, total) -> {
      long[] sums = byStep.computeIfAbsent(Math.floorDiv(startMillis, stepMillis) * stepMillis, k -> new long[2]);
      sums[0] += good;
      sums[1] += total;
    });
    List<SliBucket> out = new ArrayList<>(byStep.size());
    byStep.forEach((start, sums) -> out.add(new SliBucket(Instant.ofEpochMilli(start), sums[0], sums[1])));
    return out;
  }

  @Override
  public synchronized @Nullable Instant firstEvent() {
    return firstMinute == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstMinute * MINUTE_MILLIS);
  }

  /**
   * Visits the buckets starting within {@code span}: hour buckets for the time before the minute ring
   * covers (from the first whole hour it covers on), minute buckets after.
   */
  private void visit(WindowSpan span, Instant now, SpanVisitor visitor) {
    advanceTo(now.toEpochMilli());
    long from = span.start().toEpochMilli();
    long to = span.end().toEpochMilli();
    long minutesFrom = (minutes.head() - MINUTES + 1) * MINUTE_MILLIS;
    long split = hours == null ? Long.MIN_VALUE : -Math.floorDiv(-minutesFrom, HOUR_MILLIS) * HOUR_MILLIS;
    if (hours != null) {
      hours.forEach((hour, good, total) -> {
        long start = hour * HOUR_MILLIS;
        if (start >= from && start < to && start < split) {
          visitor.visit(start, good, total);
        }
      });
    }
    minutes.forEach((minute, good, total) -> {
      long start = minute * MINUTE_MILLIS;
      if (start >= from && start < to && start >= split) {
        visitor.visit(start, good, total);
      }
    });
  }

  @FunctionalInterface
  private interface SpanVisitor {
    void visit(long startMillis, long good, long total);
  }

  @Override
  public synchronized Duration retention() {
    return hours == null ? FINE_SPAN : Duration.ofHours(hours.capacity());
  }

  /** Makes the series keep {@code newWindow} from now on, keeping the history that still fits. */
  synchronized void resize(Duration newWindow) {
    if (newWindow.equals(window)) {
      return;
    }
    BucketRing newMinutes = minuteRing(newWindow);
    BucketRing newHours = hourRing(newWindow);
    BucketRing oldHours = hours;
    if (minutes.head() != Long.MIN_VALUE) {
      newMinutes.advanceTo(minutes.head());
      minutes.forEach(newMinutes::add);
      if (newHours != null) {
        newHours.advanceTo(oldHours != null ? oldHours.head() : Math.floorDiv(minutes.head(), 60));
        if (oldHours != null) {
          oldHours.forEach((hour, good, total) -> newHours.add(hour, good, total));
        } else {
          minutes.forEach((minute, good, total) -> newHours.add(Math.floorDiv(minute, 60), good, total));
        }
      }
    }
    window = newWindow;
    minutes = newMinutes;
    hours = newHours;
  }

  private void advanceTo(long nowMillis) {
    minutes.advanceTo(minute(nowMillis));
    if (hours != null) {
      hours.advanceTo(hour(nowMillis));
    }
  }

  private static BucketRing minuteRing(Duration window) {
    int[] spans = new int[BurnWindow.values().length + 1];
    for (BurnWindow burn : BurnWindow.values()) {
      spans[burn.ordinal()] = (int) ceil(burn.duration(), MINUTE_MILLIS);
    }
    spans[spans.length - 1] = (int) Math.min(ceil(window, MINUTE_MILLIS), MINUTES);
    return new BucketRing(MINUTES, Arrays.stream(spans).distinct().toArray());
  }

  private static @Nullable BucketRing hourRing(Duration window) {
    if (ceil(window, MINUTE_MILLIS) <= MINUTES) {
      return null;
    }
    int windowHours = Math.toIntExact(ceil(window, HOUR_MILLIS));
    return new BucketRing(windowHours, windowHours);
  }

  private static long minute(long epochMillis) {
    return Math.floorDiv(epochMillis, MINUTE_MILLIS);
  }

  private static long hour(long epochMillis) {
    return Math.floorDiv(epochMillis, HOUR_MILLIS);
  }

  private static long ceil(Duration duration, long unitMillis) {
    return Math.max(1, -Math.floorDiv(-duration.toMillis(), unitMillis));
  }
}
