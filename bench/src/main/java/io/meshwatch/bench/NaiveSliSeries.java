package io.meshwatch.bench;

import io.meshwatch.collector.store.Counts;
import io.meshwatch.collector.store.SliBucket;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One-minute buckets (good and total as ints, 8 bytes a minute) for the whole window, at least
 * {@link SliSeries#FINE_SPAN}, in a ring; every question is answered by scanning the buckets it
 * covers. It answers the {@link SliSeries} contract at one-minute resolution for every look-back, so
 * its numbers are the tiered store's within that store's tolerance. Resizing is not supported: the
 * benchmarks never change a window.
 */
final class NaiveSliSeries implements SliSeries {

  private static final long MINUTE = 60_000;

  private final Duration retention;
  private final int capacity;
  private final int[] good;
  private final int[] total;
  private long head = Long.MIN_VALUE;
  private long firstMinute = Long.MAX_VALUE;
  private long version;

  NaiveSliSeries(Duration window) {
    retention = window.compareTo(FINE_SPAN) < 0 ? FINE_SPAN : window;
    capacity = Math.toIntExact(-Math.floorDiv(-retention.toMillis(), MINUTE));
    good = new int[capacity];
    total = new int[capacity];
  }

  @Override
  public synchronized boolean add(Instant at, long addGood, long addTotal, Instant now) {
    if (addGood < 0 || addTotal < addGood) {
      return false;
    }
    advance(now);
    long minute = Math.min(Math.floorDiv(at.toEpochMilli(), MINUTE), head);
    if (minute <= head - capacity) {
      return false;
    }
    int slot = slot(minute);
    good[slot] += (int) addGood;
    total[slot] += (int) addTotal;
    if (addTotal > 0) {
      firstMinute = Math.min(firstMinute, minute);
      version++;
    }
    return true;
  }

  @Override
  public synchronized Counts counts(Duration lookBack, Instant now) {
    advance(now);
    long minutes = Math.min(capacity, Math.max(1, -Math.floorDiv(-lookBack.toMillis(), MINUTE)));
    return sum(head - minutes + 1, head);
  }

  @Override
  public Duration resolution(Duration lookBack) {
    return Duration.ofMinutes(1);
  }

  @Override
  public synchronized Counts counts(WindowSpan span, Instant now) {
    advance(now);
    return sum(firstMinuteFrom(span.start()), firstMinuteFrom(span.end()) - 1);
  }

  @Override
  public synchronized List<SliBucket> history(WindowSpan span, Duration step, Instant now) {
    advance(now);
    long stepMillis = Math.max(MINUTE, step.toMillis());
    List<SliBucket> out = new ArrayList<>();
    long open = Long.MIN_VALUE;
    long g = 0;
    long t = 0;
    long from = Math.max(firstMinuteFrom(span.start()), head - capacity + 1);
    long to = Math.min(firstMinuteFrom(span.end()) - 1, head);
    for (long minute = from; minute <= to; minute++) {
      long stepStart = Math.floorDiv(minute * MINUTE, stepMillis) * stepMillis;
      if (stepStart != open) {
        if (t > 0) {
          out.add(new SliBucket(Instant.ofEpochMilli(open), g, t));
        }
        open = stepStart;
        g = 0;
        t = 0;
      }
      int slot = slot(minute);
      g += good[slot];
      t += total[slot];
    }
    if (t > 0) {
      out.add(new SliBucket(Instant.ofEpochMilli(open), g, t));
    }
    return out;
  }

  @Override
  public synchronized @Nullable Instant firstEvent() {
    return firstMinute == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstMinute * MINUTE);
  }

  @Override
  public synchronized long version() {
    return version;
  }

  @Override
  public Duration retention() {
    return retention;
  }

  private Counts sum(long from, long to) {
    long g = 0;
    long t = 0;
    for (long minute = Math.max(from, head - capacity + 1); minute <= Math.min(to, head); minute++) {
      int slot = slot(minute);
      g += good[slot];
      t += total[slot];
    }
    return new Counts(g, t);
  }

  private void advance(Instant now) {
    long minute = Math.floorDiv(now.toEpochMilli(), MINUTE);
    if (minute <= head) {
      return;
    }
    long from = head == Long.MIN_VALUE ? minute - capacity + 1 : Math.max(head + 1, minute - capacity + 1);
    for (long m = from; m <= minute; m++) {
      int slot = slot(m);
      good[slot] = 0;
      total[slot] = 0;
    }
    head = minute;
  }

  private int slot(long minute) {
    return (int) Math.floorMod(minute, (long) capacity);
  }

  private static long firstMinuteFrom(Instant instant) {
    return -Math.floorDiv(-instant.toEpochMilli(), MINUTE);
  }
}
