package io.meshwatch.collector.ingest;

import io.meshwatch.model.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Turns cumulative series into deltas by remembering each series' last reading. The first reading of
 * a series is its own delta (everything since its start) — unless the collector resumed the state of
 * an earlier run ({@link #resumedAt}) and the series started before that: the earlier run counted it
 * up to its last acknowledged export (readings themselves are not kept across restarts), so the first
 * reading only sets the baseline and counts nothing, instead of counting the series' whole history a
 * second time; what the series gained between that export and the restart is lost. A reading below
 * the last one means the reporter reset, so it counts whole.
 *
 * <p>The state is bounded per product, per token and in all ({@link SeriesAccounts}): a new series
 * over its product's or its token's budget, or over the collector-wide cap, is refused while existing
 * series carry on and every other product's new series are taken; a series idle longer than
 * {@code idleTimeout} is forgotten (and counts whole if it returns), which frees its place. Requests
 * use the view {@link #writtenBy} of the token they came with. Safe for concurrent use; updates of
 * one series are atomic.
 *
 * <p>What a request advances is provisional until its signals are recorded: a view remembers each
 * change it made, and {@link #undo} takes them back when they could not be (the journal refused
 * them), so that the client's retry of the same readings counts their deltas again instead of 0. A
 * change is taken back only where no later reading has replaced it since.
 */
final class CumulativeDeltas {

  private static final Duration FULL_SWEEP_EVERY = Duration.ofSeconds(1);

  private record Entry(Reading reading, Instant lastSeen, @Nullable String token) {}

  /** What one reading changed: {@code key} went from {@code previous} (null: it was new) to {@code next}. */
  private record Change(SeriesKey key, @Nullable Entry previous, Entry next) {}

  /** What every view shares. */
  private static final class Series {
    final InstantSource clock;
    final Duration idleTimeout;
    final Duration sweepEvery;
    final SeriesAccounts accounts;
    final int cap;
    final Map<SeriesKey, Entry> entries = new ConcurrentHashMap<>();
    final AtomicReference<Instant> lastSweep;
    volatile long resumedNanos = Long.MIN_VALUE;

    Series(InstantSource clock, SeriesBudgets budgets, int cap, Duration idleTimeout) {
      this.clock = clock;
      this.idleTimeout = idleTimeout;
      Duration quarter = idleTimeout.dividedBy(4);
      this.sweepEvery = quarter.compareTo(FULL_SWEEP_EVERY) < 0 ? FULL_SWEEP_EVERY : quarter;
      this.accounts = new SeriesAccounts(budgets, cap);
      this.cap = cap;
      this.lastSweep = new AtomicReference<>(clock.instant());
    }
  }

  private final Series series;
  private final @Nullable String token;
  /** The changes this view made, newest last; null for the shared instance, which keeps none. */
  private final @Nullable List<Change> changes;

  /** At most {@code cap} series in all, and each product and token within {@code budgets}. */
  CumulativeDeltas(InstantSource clock, SeriesBudgets budgets, int cap, Duration idleTimeout) {
    this(new Series(clock, budgets, cap, idleTimeout), null, null);
  }

  /** At most {@code maxSeries} series, whoever holds them. */
  CumulativeDeltas(InstantSource clock, int maxSeries, Duration idleTimeout) {
    this(clock, new SeriesBudgets(maxSeries, maxSeries), maxSeries, idleTimeout);
  }

  private CumulativeDeltas(Series series, @Nullable String token, @Nullable List<Change> changes) {
    this.series = series;
    this.token = token;
    this.changes = changes;
  }

  /**
   * The same series, as seen by one request sent with {@code token} (an opaque key of it; null where
   * no token is known): the new series it creates count against that token's budget, and what it
   * changes can be taken back ({@link #undo}). Confined to the request's thread.
   */
  CumulativeDeltas writtenBy(@Nullable String token) {
    return new CumulativeDeltas(series, token, new ArrayList<>());
  }

  /**
   * Takes back every change this view made, newest first, where no later reading replaced it: a
   * series it created is forgotten (freeing its place in the budgets), one it advanced goes back to
   * its previous reading. Then forgets them, so a second call does nothing.
   */
  void undo() {
    if (changes == null) {
      return;
    }
    for (int i = changes.size() - 1; i >= 0; i--) {
      Change change = changes.get(i);
      boolean[] forgotten = {false};
      series.entries.computeIfPresent(change.key(), (key, current) -> {
        if (current != change.next()) {
          return current;
        }
        forgotten[0] = change.previous() == null;
        return change.previous();
      });
      if (forgotten[0]) {
        series.accounts.release(change.key().product(), change.next().token());
      }
    }
    changes.clear();
  }

  /** The collector resumed an earlier run's state at {@code restart}: see the class comment. */
  void resumedAt(Instant restart) {
    series.resumedNanos = Math.addExact(Math.multiplyExact(restart.getEpochSecond(), 1_000_000_000L), restart.getNano());
  }

  /**
   * The change of {@code key} since its last reading, or {@code null} when {@code key} is a new
   * series that a budget refuses ({@link #refusal} says which); existing series carry on.
   */
  @Nullable Reading delta(SeriesKey key, Reading cumulative) {
    Instant now = series.clock.instant();
    sweepIfDue(now, false);
    Reading delta = apply(key, cumulative, now);
    // A new series a budget refused: idle series are swept now (at most once a second), freeing their places.
    if (delta == null && sweepIfDue(now, true)) {
      delta = apply(key, cumulative, now);
    }
    return delta;
  }

  private @Nullable Reading apply(SeriesKey key, Reading cumulative, Instant now) {
    Reading[] delta = new Reading[1];
    Entry[] before = new Entry[1];
    Entry next = series.entries.compute(key, (k, previous) -> {
      if (previous == null && !series.accounts.reserve(k.product(), token)) {
        return null;
      }
      if (previous == null && startedBeforeUs(k)) {
        delta[0] = cumulative.minus(cumulative);
      } else if (previous == null || isIdle(previous, now) || cumulative.dropsBelow(previous.reading())) {
        delta[0] = cumulative;
      } else {
        delta[0] = cumulative.minus(previous.reading());
      }
      before[0] = previous;
      // The series stays with the token that created it.
      return new Entry(cumulative, now, previous == null ? token : previous.token());
    });
    if (next != null && changes != null) {
      changes.add(new Change(key, before[0], next));
    }
    return delta[0];
  }

  /** Why a new series of {@code product} sent with this view's token is refused now, for the client's message. */
  SeriesAccounts.Refusal refusal(ProductId product) {
    SeriesAccounts.Refusal refusal = series.accounts.refusal(product, token);
    // Room was made (idle series swept) since the refusal: sending again will do.
    return refusal != null ? refusal
        : new SeriesAccounts.Refusal("a budget of cumulative series was full (it is not any more; send again)", true);
  }

  /** The collector-wide cap. */
  int maxSeries() {
    return series.cap;
  }

  /** How many series are tracked, idle ones not yet swept included. */
  int size() {
    return series.accounts.total();
  }

  /** How many series of {@code product} are tracked. */
  int size(ProductId product) {
    return series.accounts.held(product);
  }

  private boolean startedBeforeUs(SeriesKey key) {
    return key.startTimeUnixNano() != 0 && key.startTimeUnixNano() < series.resumedNanos;
  }

  private boolean isIdle(Entry entry, Instant now) {
    return entry.lastSeen().plus(series.idleTimeout).isBefore(now);
  }

  /** Sweeps idle series every quarter of the idle timeout, or at most once a second while a budget is full; true if it swept. */
  private boolean sweepIfDue(Instant now, boolean full) {
    Instant last = series.lastSweep.get();
    if (now.isBefore(last.plus(full ? FULL_SWEEP_EVERY : series.sweepEvery)) || !series.lastSweep.compareAndSet(last, now)) {
      return false;
    }
    for (Map.Entry<SeriesKey, Entry> e : series.entries.entrySet()) {
      if (isIdle(e.getValue(), now) && series.entries.remove(e.getKey(), e.getValue())) {
        series.accounts.release(e.getKey().product(), e.getValue().token());
      }
    }
    return true;
  }
}
