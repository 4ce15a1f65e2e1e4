package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.Counts;
import io.meshwatch.collector.store.SliBucket;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SLO's series read at an instant through its window and with its exclusions taken out: the
 * counts behind compliance, the counts of any look-back, and the window's history.
 *
 * <p>A rolling window is the series' look-back of its length; a calendar window the buckets from
 * the period's start up to and including now's (so that the bucket holding now counts, as it does
 * for a look-back). Exclusions are merged, clipped to what is read and their counts subtracted,
 * good and bad separately, so excluded time counts neither good nor bad. Where a store counts an
 * exclusion's edge bucket at a different resolution than the window, the subtraction is clamped at
 * zero rather than going negative.
 */
final class MeasuredWindow {

  private static final Duration ONE_MS = Duration.ofMillis(1);

  private final SloSpec spec;
  private final SliSeries series;
  private final Instant now;
  private final WindowSpan span;
  private final WindowSpan counted;
  private final List<WindowSpan> exclusions;

  private MeasuredWindow(SloSpec spec, SliSeries series, Instant now) {
    this.spec = spec;
    this.series = series;
    this.now = now;
    this.span = spec.window().spanAt(now);
    Instant start = spec.window() instanceof SloWindow.Calendar ? span.start() : now.minus(span.length()).plus(ONE_MS);
    this.counted = new WindowSpan(start, now.plus(ONE_MS));
    this.exclusions = merged(spec.exclusions());
  }

  static MeasuredWindow at(SloSpec spec, SliSeries series, Instant now) {
    return new MeasuredWindow(spec, series, now);
  }

  /** The window as it stands now; a calendar window's ends with its period. */
  WindowSpan span() {
    return span;
  }

  /** The rolling window's length or the current calendar period's. */
  Duration length() {
    return span.length();
  }

  /** The part of the window read: up to and including now's bucket. */
  WindowSpan counted() {
    return counted;
  }

  Instant now() {
    return now;
  }

  SloSpec spec() {
    return spec;
  }

  /** The events behind compliance: the window less its exclusions. */
  Counts window() {
    Counts raw = spec.window() instanceof SloWindow.Calendar
        ? series.counts(counted, now)
        : series.counts(span.length(), now);
    return less(raw, counted);
  }

  /** The events of the last {@code lookBack} less exclusions. */
  Counts lookBack(Duration lookBack) {
    return less(series.counts(lookBack, now), new WindowSpan(now.minus(lookBack).plus(ONE_MS), now.plus(ONE_MS)));
  }

  SliSeries series() {
    return series;
  }

  /** The window's events in buckets of {@code step}, oldest first, less exclusions; empty buckets left out. */
  List<SliBucket> history(Duration step) {
    return history(step, counted);
  }

  /** Like {@link #history(Duration)} for the buckets starting within {@code range}, a part of {@link #counted()}. */
  List<SliBucket> history(Duration step, WindowSpan range) {
    List<WindowSpan> excluded = clipped(range);
    if (excluded.isEmpty()) {
      // The store leaves empty buckets out already; nothing to take out of the others.
      return series.history(range, step, now);
    }
    Map<Instant, long[]> byStart = new LinkedHashMap<>();
    for (SliBucket bucket : series.history(range, step, now)) {
      byStart.put(bucket.start(), new long[] {bucket.good(), bucket.total() - bucket.good()});
    }
    for (WindowSpan exclusion : excluded) {
      for (SliBucket bucket : series.history(exclusion, step, now)) {
        long[] sums = byStart.get(bucket.start());
        if (sums != null) {
          sums[0] -= bucket.good();
          sums[1] -= bucket.total() - bucket.good();
        }
      }
    }
    List<SliBucket> out = new ArrayList<>(byStart.size());
    byStart.forEach((start, sums) -> {
      long good = Math.max(0, sums[0]);
      long total = good + Math.max(0, sums[1]);
      if (total > 0) {
        out.add(new SliBucket(start, good, total));
      }
    });
    return out;
  }

  private Counts less(Counts raw, WindowSpan range) {
    if (raw.isEmpty()) {
      return raw;
    }
    long good = raw.good();
    long bad = raw.total() - raw.good();
    for (WindowSpan excluded : clipped(range)) {
      Counts counts = series.counts(excluded, now);
      good -= counts.good();
      bad -= counts.total() - counts.good();
    }
    good = Math.max(0, good);
    return new Counts(good, good + Math.max(0, bad));
  }

  private List<WindowSpan> clipped(WindowSpan range) {
    List<WindowSpan> out = new ArrayList<>();
    for (WindowSpan excluded : exclusions) {
      if (excluded.overlaps(range)) {
        Instant start = excluded.start().isAfter(range.start()) ? excluded.start() : range.start();
        Instant end = excluded.end().isBefore(range.end()) ? excluded.end() : range.end();
        out.add(new WindowSpan(start, end));
      }
    }
    return out;
  }

  /** Overlapping or touching exclusions as one span each, by start. */
  static List<WindowSpan> merged(List<Exclusion> exclusions) {
    List<WindowSpan> spans = exclusions.stream().map(Exclusion::span)
        .sorted(Comparator.comparing(WindowSpan::start)).toList();
    List<WindowSpan> out = new ArrayList<>();
    for (WindowSpan next : spans) {
      WindowSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !next.start().isAfter(last.end())) {
        if (next.end().isAfter(last.end())) {
          out.set(out.size() - 1, new WindowSpan(last.start(), next.end()));
        }
      } else {
        out.add(next);
      }
    }
    return out;
  }
}
