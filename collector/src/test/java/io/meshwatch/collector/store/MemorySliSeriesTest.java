package io.meshwatch.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Compares the tiered series with a brute-force reference that keeps every event with its raw time:
 * exactly against the stated buckets, and within the stated tolerance against raw time.
 */
class MemorySliSeriesTest {

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final Duration QUARTER = Duration.ofDays(92).plusHours(1);
  static final long KIB = 1024;

  @Property(tries = 40)
  void counts_lookBackMatchesBruteForce(@ForAll("windows") Duration window, @ForAll("events") List<Event> events,
      @ForAll("lookBacks") List<Duration> lookBacks, @ForAll("edgeShifts") EdgeShift shift) {
    MemorySliSeries series = new MemorySliSeries(window);
    Reference reference = replay(series, events);
    long now = reference.nowAtEdge(shift);
    List<Duration> asked = new ArrayList<>(lookBacks);
    for (BurnWindow burn : BurnWindow.values()) {
      asked.add(burn.duration());
    }
    asked.add(window);
    asked.add(series.retention());

    for (Duration lookBack : asked) {
      long res = series.resolution(lookBack).toMillis();
      long buckets = Math.min(ceil(lookBack.toMillis(), res), series.retention().toMillis() / res);
      long nowBucket = Math.floorDiv(now, res);
      Counts counts = series.counts(lookBack, Instant.ofEpochMilli(now));

      assertThat(counts).as("look-back %s", lookBack)
          .isEqualTo(reference.kept(at -> Math.floorDiv(at, res) > nowBucket - buckets));
      if (lookBack.compareTo(series.retention()) <= 0) {
        long w = lookBack.toMillis();
        assertWithin(counts, reference.all(at -> at > now - w + res), reference.all(at -> at > now - w - res));
      }
    }
  }

  @Property(tries = 40)
  void counts_spanMatchesBruteForce(@ForAll("windows") Duration window, @ForAll("events") List<Event> events,
      @ForAll("spanPoints") List<Double> points, @ForAll("edgeShifts") EdgeShift shift) {
    MemorySliSeries series = new MemorySliSeries(window);
    Reference reference = replay(series, events);
    long now = reference.nowAtEdge(shift);
    long coarsest = series.resolution(series.retention()).toMillis();
    long oldest = now - series.retention().toMillis() + coarsest;

    for (int i = 0; i + 1 < points.size(); i += 2) {
      long from = oldest + (long) (Math.min(points.get(i), points.get(i + 1)) * (now - oldest));
      long to = oldest + (long) (Math.max(points.get(i), points.get(i + 1)) * (now + 3_600_000 - oldest)) + 1;
      if (to <= from) {
        continue;
      }
      Counts counts = series.counts(span(from, to), Instant.ofEpochMilli(now));
      assertWithin(counts, reference.all(at -> at >= from + coarsest && at < to),
          reference.all(at -> at >= from && at < to + coarsest));

      long alignedFrom = ceil(from, coarsest) * coarsest;
      long alignedTo = ceil(to, coarsest) * coarsest;
      if (alignedFrom < alignedTo) {
        assertThat(series.counts(span(alignedFrom, alignedTo), Instant.ofEpochMilli(now))).as("aligned")
            .isEqualTo(reference.all(at -> at >= alignedFrom && at < alignedTo));
      }
    }
    WindowSpan everything = span(now - 200L * 86_400_000, now + 1);
    assertThat(series.counts(everything, Instant.ofEpochMilli(now)))
        .isEqualTo(series.counts(series.retention(), Instant.ofEpochMilli(now)));
  }

  @Property(tries = 30)
  void history_stepsAreAlignedOrderedAndAddUpToTheSpan(@ForAll("windows") Duration window,
      @ForAll("events") List<Event> events, @ForAll("steps") Duration step, @ForAll("edgeShifts") EdgeShift shift) {
    MemorySliSeries series = new MemorySliSeries(window);
    Reference reference = replay(series, events);
    Instant now = Instant.ofEpochMilli(reference.nowAtEdge(shift));
    WindowSpan span = new WindowSpan(now.minus(series.retention()).minus(Duration.ofDays(1)), now.plusSeconds(1));

    List<SliBucket> history = series.history(span, step, now);

    long good = 0;
    long total = 0;
    Instant previous = Instant.MIN;
    for (SliBucket bucket : history) {
      assertThat(bucket.start()).isAfter(previous);
      assertThat(bucket.start().toEpochMilli() % step.toMillis()).isZero();
      assertThat(bucket.total()).isPositive();
      previous = bucket.start();
      good += bucket.good();
      total += bucket.total();
    }
    assertThat(new Counts(good, total)).isEqualTo(series.counts(span, now));
  }

  /** A resized series answers what a series of the new window fed the same events does, where both hold them. */
  @Property(tries = 30)
  void resize_keepsWhatBothWindowsHold(@ForAll("windows") Duration from, @ForAll("windows") Duration to,
      @ForAll("events") List<Event> events) {
    MemorySliSeries resized = new MemorySliSeries(from);
    MemorySliSeries direct = new MemorySliSeries(to);
    Reference reference = replay(resized, events);
    replay(direct, events);
    resized.resize(to);
    Instant now = Instant.ofEpochMilli(reference.now);
    Duration held = min(from.compareTo(Duration.ofDays(3)) <= 0 ? Duration.ofDays(3) : from, direct.retention())
        .minusHours(2);

    assertThat(resized.retention()).isEqualTo(direct.retention());
    for (BurnWindow burn : BurnWindow.values()) {
      assertThat(resized.counts(burn.duration(), now)).as(burn.label()).isEqualTo(direct.counts(burn.duration(), now));
    }
    assertThat(resized.counts(held, now)).isEqualTo(direct.counts(held, now));
    WindowSpan recent = new WindowSpan(now.minus(held), now.plusSeconds(1));
    assertThat(resized.counts(recent, now)).isEqualTo(direct.counts(recent, now));
    assertThat(resized.history(recent, Duration.ofHours(1), now)).isEqualTo(direct.history(recent, Duration.ofHours(1), now));
  }

  @Test
  void footprintBytes_thirtyDaysAndAQuarterStayUnder32KiB() {
    MemorySliSeries month = withOneEvent(Duration.ofDays(30));
    MemorySliSeries quarter = withOneEvent(QUARTER);

    assertThat(month.footprintBytes()).isBetween((360 + 864 + 720) * 8L, 17 * KIB).isLessThanOrEqualTo(32 * KIB);
    assertThat(quarter.footprintBytes()).isBetween((360 + 864 + 2209) * 8L, 28 * KIB).isLessThanOrEqualTo(32 * KIB);
    assertThat(withOneEvent(Duration.ofDays(1)).footprintBytes()).isLessThan(11 * KIB);
  }

  @Test
  void footprintBytes_bucketsAreAllocatedOnTheFirstEvent() {
    MemorySliSeries series = new MemorySliSeries(QUARTER);
    series.counts(Duration.ofDays(30), START);

    assertThat(series.footprintBytes()).isLessThan(1 * KIB);
  }

  @Test
  void counts_runningSumsFollowTimeAcrossTiers() {
    MemorySliSeries series = new MemorySliSeries(Duration.ofDays(30));
    series.add(START, 1, 2, START);

    assertThat(series.counts(Duration.ofHours(6), START.plus(Duration.ofHours(6)).minusMillis(1))).isEqualTo(new Counts(1, 2));
    assertThat(series.counts(Duration.ofHours(6), START.plus(Duration.ofHours(6)))).isEqualTo(Counts.ZERO);
    assertThat(series.counts(Duration.ofDays(3), START.plus(Duration.ofDays(3)).minusMillis(1))).isEqualTo(new Counts(1, 2));
    assertThat(series.counts(Duration.ofDays(3), START.plus(Duration.ofDays(3)))).isEqualTo(Counts.ZERO);
    assertThat(series.counts(Duration.ofDays(30), START.plus(Duration.ofDays(30)).minusMillis(1))).isEqualTo(new Counts(1, 2));
    assertThat(series.counts(Duration.ofDays(30), START.plus(Duration.ofDays(30)))).isEqualTo(Counts.ZERO);
  }

  private static MemorySliSeries withOneEvent(Duration window) {
    MemorySliSeries series = new MemorySliSeries(window);
    series.add(START, 1, 1, START);
    return series;
  }

  /** Feeds the events to the series, checking each is kept exactly when the retention still covers it. */
  static Reference replay(SliSeries series, List<Event> events) {
    Reference reference = new Reference();
    reference.now = START.toEpochMilli() + 1_234_567;
    Duration retention = series.retention();
    long res = series.resolution(retention).toMillis();
    long buckets = retention.toMillis() / res;
    for (Event event : events) {
      reference.now += event.advanceMillis();
      long at = reference.now - event.ageMillis();
      boolean kept = series.add(Instant.ofEpochMilli(at), event.good(), event.total(), Instant.ofEpochMilli(reference.now));
      assertThat(kept).as("kept %s", event).isEqualTo(Math.floorDiv(at, res) > Math.floorDiv(reference.now, res) - buckets);
      reference.events.add(new Raw(at, event.good(), event.total(), kept));
    }
    return reference;
  }

  private static void assertWithin(Counts counts, Counts low, Counts high) {
    assertThat(counts.good()).isBetween(low.good(), high.good());
    assertThat(counts.total()).isBetween(low.total(), high.total());
  }

  private static WindowSpan span(long from, long to) {
    return new WindowSpan(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
  }

  private static long ceil(long value, long unit) {
    return -Math.floorDiv(-value, unit);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Provide
  Arbitrary<Duration> windows() {
    return Arbitraries.of(Duration.ofMinutes(5), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3),
        Duration.ofDays(3).plusMinutes(1), Duration.ofDays(28), Duration.ofDays(30), QUARTER);
  }

  @Provide
  Arbitrary<List<Event>> events() {
    long day = 86_400_000;
    Arbitrary<Long> anyAge = Arbitraries.longs().between(0, 95 * day);
    Arbitrary<Long> edgeAge = Combinators.combine(
            Arbitraries.of(6 * 3_600_000L, 3 * day, 28 * day, 30 * day, QUARTER.toMillis()),
            Arbitraries.longs().between(-900_000, 900_000))
        .as((edge, offset) -> Math.max(0, edge + offset));
    Arbitrary<Long> recentAge = Arbitraries.longs().between(0, 8 * 3_600_000L);
    Arbitrary<Long> age = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, anyAge), net.jqwik.api.Tuple.of(2, edgeAge), net.jqwik.api.Tuple.of(2, recentAge));
    Arbitrary<Long> advance = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 600_000)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 2 * day)));
    return Combinators.combine(advance, age, Arbitraries.longs().between(0, 5), Arbitraries.longs().between(0, 5))
        .as((a, g, good, bad) -> new Event(a, g, good, good + bad))
        .list().ofMaxSize(120);
  }

  @Provide
  Arbitrary<List<Duration>> lookBacks() {
    return Arbitraries.longs().between(1, 100L * 86_400_000).map(Duration::ofMillis).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<Double>> spanPoints() {
    return Arbitraries.doubles().between(0, 1).list().ofMinSize(2).ofMaxSize(16);
  }

  @Provide
  Arbitrary<Duration> steps() {
    return Arbitraries.of(Duration.ofMinutes(1), Duration.ofMinutes(7), Duration.ofHours(1), Duration.ofDays(1));
  }

  /** Moves the evaluation time so that event {@code pick} (a share of the list) is {@code age} old. */
  @Provide
  Arbitrary<EdgeShift> edgeShifts() {
    return Combinators.combine(
            Arbitraries.doubles().between(0, 1),
            Arbitraries.of(6 * 3_600_000L, 3 * 86_400_000L, 28 * 86_400_000L, 30 * 86_400_000L, QUARTER.toMillis()),
            Arbitraries.longs().between(-360_000, 360_000))
        .as((pick, edge, offset) -> new EdgeShift(pick, edge + offset));
  }

  record EdgeShift(double pick, long age) {}

  record Event(long advanceMillis, long ageMillis, long good, long total) {}

  record Raw(long at, long good, long total, boolean kept) {}

  /** Every event with its raw time, and whether the series kept it. */
  static final class Reference {
    final List<Raw> events = new ArrayList<>();
    long now;

    /** The later of now and the time at which the picked event is the shift's age old. */
    long nowAtEdge(EdgeShift shift) {
      if (!events.isEmpty()) {
        Raw picked = events.get((int) (shift.pick() * (events.size() - 1)));
        now = Math.max(now, picked.at() + shift.age());
      }
      return now;
    }

    Counts kept(LongPredicate at) {
      return sum(at, true);
    }

    Counts all(LongPredicate at) {
      return sum(at, false);
    }

    private Counts sum(LongPredicate at, boolean onlyKept) {
      long good = 0;
      long total = 0;
      for (Raw raw : events) {
        if ((raw.kept() || !onlyKept) && at.test(raw.at())) {
          good += raw.good();
          total += raw.total();
        }
      }
      return new Counts(good, total);
    }
  }
}
