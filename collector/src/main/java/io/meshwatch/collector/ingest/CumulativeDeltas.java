package io.meshwatch.collector.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Turns cumulative series into deltas by remembering each series' last reading. The first reading of
 * a series is its own delta (everything since its start) — unless the collector resumed the state of
 * an earlier run ({@link #resumedAt}) and the series started before that: the earlier run counted it
 * up to its last acknowledged export (readings themselves are not kept across restarts), so the first
 * reading only sets the baseline and counts nothing, instead of counting the series' whole history a
 * second time; what the series gained between that export and the restart is lost. A
 * reading below the last one means the reporter reset, so it counts whole. The state is bounded: at most {@code maxSeries} series,
 * and a series idle longer than {@code idleTimeout} is forgotten (and counts whole if it returns).
 * Safe for concurrent use; updates of one series are atomic.
 */
final class CumulativeDeltas {

  private static final Duration FULL_SWEEP_EVERY = Duration.ofSeconds(1);

  private record Entry(Reading reading, Instant lastSeen) {}

  private final InstantSource clock;
  private final int maxSeries;
  private final Duration idleTimeout;
  private final Duration sweepEvery;
  private final Map<SeriesKey, Entry> series = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicReference<Instant> lastSweep;
  private volatile long resumedNanos = Long.MIN_VALUE;

  CumulativeDeltas(InstantSource clock, int maxSeries, Duration idleTimeout) {
    this.clock = clock;
    this.maxSeries = maxSeries;
    this.idleTimeout = idleTimeout;
    Duration quarter = idleTimeout.dividedBy(4);
    this.sweepEvery = quarter.compareTo(FULL_SWEEP_EVERY) < 0 ? FULL_SWEEP_EVERY : quarter;
    this.lastSweep = new AtomicReference<>(clock.instant());
  }

  /** The collector resumed an earlier run's state at {@code restart}: see the class comment. */
  void resumedAt(Instant restart) {
    resumedNanos = Math.addExact(Math.multiplyExact(restart.getEpochSecond(), 1_000_000_000L), restart.getNano());
  }

  /**
   * The change of {@code key} since its last reading, or {@code null} when {@code key} is a new
   * series and {@code maxSeries} series are already tracked (existing series carry on).
   */
  @Nullable Reading delta(SeriesKey key, Reading cumulative) {
    Instant now = clock.instant();
    boolean full = size.get() >= maxSeries && !series.containsKey(key);
    sweepIfDue(now, full);
    Reading[] delta = new Reading[1];
    series.compute(key, (k, previous) -> {
      if (previous == null && !reserve()) {
        return null;
      }
      if (previous == null && startedBeforeUs(k)) {
        delta[0] = cumulative.minus(cumulative);
      } else if (previous == null || isIdle(previous, now) || cumulative.dropsBelow(previous.reading())) {
        delta[0] = cumulative;
      } else {
        delta[0] = cumulative.minus(previous.reading());
      }
      return new Entry(cumulative, now);
    });
    return delta[0];
  }

  int maxSeries() {
    return maxSeries;
  }

  /** How many series are tracked, idle ones not yet swept included. */
  int size() {
    return size.get();
  }

  private boolean reserve() {
    return size.getAndUpdate(n -> n < maxSeries ? n + 1 : n) < maxSeries;
  }

  private boolean startedBeforeUs(SeriesKey key) {
    return key.startTimeUnixNano() != 0 && key.startTimeUnixNano() < resumedNanos;
  }

  private boolean isIdle(Entry entry, Instant now) {
    return entry.lastSeen().plus(idleTimeout).isBefore(now);
  }

  /** Sweeps idle series every quarter of the idle timeout, and at most once a second while full. */
  private void sweepIfDue(Instant now, boolean full) {
    Instant last = lastSweep.get();
    if (now.isBefore(last.plus(full ? FULL_SWEEP_EVERY : sweepEvery)) || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    for (Map.Entry<SeriesKey, Entry> e : series.entrySet()) {
      if (isIdle(e.getValue(), now) && series.remove(e.getKey(), e.getValue())) {
        size.decrementAndGet();
      }
    }
  }
}
