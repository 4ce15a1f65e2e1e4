package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.BurnAlert;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * The acceptance test of the engine's numbers: random event streams, random windows (rolling, with
 * the usual and odd lengths, and calendar weeks and months in random zones) and random exclusions,
 * with compliance, budget remaining, every burn rate and every burn condition's rates checked
 * against a brute-force reference over the raw events.
 *
 * <p>Tolerance, from the store's resolution: a store answers in whole buckets, of 1m for look-backs
 * up to 6h, 5m up to 3d and 1h beyond (the coarsest resolution a conforming store may use; finer
 * stores are within it). So the events counted lie between the reference's with the window shortened
 * by one bucket at its start and each exclusion grown by one bucket on either side (lower bound), and
 * the reference's with the window lengthened by one bucket and each exclusion shrunk by one bucket
 * (upper bound), for good, bad and total alike. Each ratio must lie within the bounds those counts
 * give (plus 1e-9 for rounding): compliance in [g⁻/(g⁻+b⁺), g⁺/(g⁺+b⁻)], a burn rate in
 * [b⁻/(b⁻+g⁺), b⁺/(b⁺+g⁻)] over the error budget.
 */
class SloEnginePropertyTest {

  private static final long MINUTE = 60_000;
  private static final long HOUR = 3_600_000;
  private static final double EPSILON = 1e-9;
  private static final Instant EARLIEST = Instant.parse("2024-02-15T00:00:00Z");
  private static final List<ZoneId> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
      "America/St_Johns", "Australia/Lord_Howe", "Pacific/Chatham").stream().map(ZoneId::of).toList();
  private static final List<Duration> ROLLING = List.of(Duration.ofDays(7), Duration.ofDays(28), Duration.ofDays(30),
      Duration.ofMinutes(5), Duration.ofMinutes(90), Duration.ofHours(6), Duration.ofHours(6).plusMinutes(1),
      Duration.ofHours(17).plusMinutes(13), Duration.ofDays(2).plusHours(5), Duration.ofDays(3),
      Duration.ofDays(4).plusHours(7).plusMinutes(13).plusSeconds(7));

  @Property(tries = 120)
  void evaluate_staysWithinOneBucketOfABruteForceReference(
      @ForAll("starts") Instant start,
      @ForAll("windows") List<SloWindow> windows,
      @ForAll("exclusions") List<long[]> exclusionOffsets,
      @ForAll("steps") List<Step> steps,
      @ForAll("laterEvaluations") List<Long> later,
      @ForAll("edgeApproaches") long edgeApproach) {
    List<Exclusion> exclusions = new ArrayList<>();
    for (long[] offsets : exclusionOffsets) {
      exclusions.add(new Exclusion("maintenance", start.plusMillis(offsets[0]), start.plusMillis(offsets[0] + offsets[1])));
    }
    List<SloSpec> slos = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      slos.add(Products.spec("slo-" + i, SliKind.AVAILABILITY, null, 99, windows.get(i),
          exclusions.toArray(Exclusion[]::new)));
    }
    TestClock clock = new TestClock(start);
    // An agent that is never silent: this test is about the numbers, the states are tested elsewhere.
    SloEngine engine = new SloEngine(clock, Duration.ofDays(3650));
    engine.register(product(ORDERS, slos.toArray(SloSpec[]::new)));
    List<Event> events = new ArrayList<>();

    for (Step step : steps) {
      clock.advance(Duration.ofMillis(step.advance()));
      Instant observed = clock.instant().minusMillis(step.lag());
      engine.record(new Signal.UsageReads(ORDERS, observed, "finance", step.good(), step.bad(), Duration.ZERO));
      events.add(new Event(Math.min(observed.toEpochMilli(), clock.instant().toEpochMilli()), step.good(), step.bad()));
      if (step.evaluate()) {
        check(engine, slos, exclusions, events, clock.instant());
      }
    }
    for (long advance : later) {
      clock.advance(Duration.ofMillis(advance));
      check(engine, slos, exclusions, events, clock.instant());
    }
    // Walk across the far edge of the longest window, where the stream's first events leave it.
    Instant nearEdge = start.plus(slos.get(0).window().longest()).minusMillis(edgeApproach);
    if (clock.instant().isBefore(nearEdge)) {
      clock.set(nearEdge);
    }
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMillis(edgeApproach / 2 + 1));
      check(engine, slos, exclusions, events, clock.instant());
    }
  }

  private static void check(SloEngine engine, List<SloSpec> slos, List<Exclusion> exclusions, List<Event> events, Instant now) {
    List<SloStatus> actual = engine.evaluate().get(0).slos();
    for (int i = 0; i < slos.size(); i++) {
      SloSpec spec = slos.get(i);
      SloStatus status = actual.get(i);
      String at = spec.window().label() + " at " + now;
      WindowSpan span = spec.window().spanAt(now);
      long windowStart = spec.window() instanceof SloWindow.Calendar ? span.start().toEpochMilli()
          : now.toEpochMilli() - span.length().toMillis();
      Bounds window = Bounds.of(events, exclusions, windowStart, now.toEpochMilli(), resolution(span.length()));

      assertThat(status.window()).as(at).isEqualTo(span);
      assertThat(status.totalEvents()).as("total, " + at).isBetween(window.lower().total(), window.upper().total());
      assertThat(status.goodEvents()).as("good, " + at).isBetween(window.lower().good, window.upper().good);
      assertWithin(status.compliance(), window.compliance(), "compliance, " + at);
      Range windowRate = window.burnRate(spec.errorBudget());
      Range budgetLeft = windowRate == null ? null : windowRate.map(r -> 1 - r);
      assertWithin(status.errorBudgetRemaining(), budgetLeft, "budget remaining, " + at);
      for (BurnWindow burn : BurnWindow.values()) {
        assertWithin(status.burnRates().get(burn), lookBack(events, exclusions, burn.duration(), now).burnRate(
            spec.errorBudget()), burn.label() + " burn rate, " + at);
      }
      for (int c = 0; c < spec.burnConditions().size(); c++) {
        BurnCondition condition = spec.burnConditions().get(c);
        BurnAlert alert = status.burnAlerts().get(c);
        assertThat(alert.condition()).isEqualTo(condition);
        assertThat(alert.threshold()).as(at).isEqualTo(condition.burnRate(span.length()));
        assertWithin(alert.longRate(), lookBack(events, exclusions, condition.longWindow(), now)
            .burnRate(spec.errorBudget()), condition.label() + " long rate, " + at);
        assertWithin(alert.shortRate(), lookBack(events, exclusions, condition.shortWindow(), now)
            .burnRate(spec.errorBudget()), condition.label() + " short rate, " + at);
      }
      assertThat(status.state()).as(at).isEqualTo(status.compliance() == null ? SloState.NO_DATA
          : status.compliance() < spec.objective() ? SloState.BREACHING : SloState.HEALTHY);
    }
  }

  private static Bounds lookBack(List<Event> events, List<Exclusion> exclusions, Duration lookBack, Instant now) {
    long end = now.toEpochMilli();
    return Bounds.of(events, exclusions, end - lookBack.toMillis(), end, resolution(lookBack));
  }

  /** The coarsest bucket a conforming store may count a look-back of {@code lookBack} in. */
  private static long resolution(Duration lookBack) {
    if (lookBack.compareTo(Duration.ofHours(6)) <= 0) {
      return MINUTE;
    }
    return lookBack.compareTo(Duration.ofDays(3)) <= 0 ? 5 * MINUTE : HOUR;
  }

  private static void assertWithin(@Nullable Double actual, @Nullable Range expected, String what) {
    if (expected == null) {
      assertThat(actual).as(what + " (nothing can be counted)").isNull();
    } else if (actual != null) {
      assertThat(actual).as(what).isBetween(expected.low() - EPSILON, expected.high() + EPSILON);
    } else {
      assertThat(expected.mayBeEmpty()).as(what + " is missing though events must be counted").isTrue();
    }
  }

  /** A ratio's range; {@code mayBeEmpty} when the lower bound counts nothing, so the store may too. */
  record Range(double low, double high, boolean mayBeEmpty) {
    Range map(java.util.function.DoubleUnaryOperator f) {
      double a = f.applyAsDouble(low);
      double b = f.applyAsDouble(high);
      return new Range(Math.min(a, b), Math.max(a, b), mayBeEmpty);
    }
  }

  record Sum(long good, long bad) {
    long total() {
      return good + bad;
    }
  }

  /** The reference's counts with the window and exclusions moved by a bucket either way. */
  record Bounds(Sum lower, Sum upper) {

    static Bounds of(List<Event> events, List<Exclusion> exclusions, long start, long end, long bucket) {
      long[] low = new long[2];
      long[] high = new long[2];
      for (Event event : events) {
        long t = event.at();
        if (t > end) {
          continue;
        }
        if (t >= start + bucket && !excluded(exclusions, t, -bucket, bucket, start)) {
          low[0] += event.good();
          low[1] += event.bad();
        }
        if (t > start - bucket && !excluded(exclusions, t, bucket, 0, start)) {
          high[0] += event.good();
          high[1] += event.bad();
        }
      }
      return new Bounds(new Sum(low[0], low[1]), new Sum(high[0], high[1]));
    }

    /** Whether {@code t} is in an exclusion whose start moved by {@code atStart}, end by {@code atEnd}. */
    private static boolean excluded(List<Exclusion> exclusions, long t, long atStart, long atEnd, long windowStart) {
      for (Exclusion exclusion : exclusions) {
        // An exclusion reaching back before the window is clipped to it first.
        long from = Math.max(exclusion.span().start().toEpochMilli(), atStart > 0 ? windowStart : Long.MIN_VALUE) + atStart;
        if (t >= from && t < exclusion.span().end().toEpochMilli() + atEnd) {
          return true;
        }
      }
      return false;
    }

    @Nullable Range compliance() {
      return ratio(lower.good, upper.bad, upper.good, lower.bad);
    }

    @Nullable Range burnRate(double errorBudget) {
      Range bad = ratio(lower.bad, upper.good, upper.bad, lower.good);
      return bad == null ? null : new Range(bad.low() / errorBudget, bad.high() / errorBudget, bad.mayBeEmpty());
    }

    /** x/(x+y) for x in [xLow, xHigh], y in [yLow, yHigh]; {@code null} when nothing can be counted. */
    private @Nullable Range ratio(long xLow, long yHigh, long xHigh, long yLow) {
      if (upper.total() == 0) {
        return null;
      }
      double low = xLow + yHigh == 0 ? 0 : (double) xLow / (xLow + yHigh);
      double high = xHigh + yLow == 0 ? 1 : (double) xHigh / (xHigh + yLow);
      return new Range(low, high, lower.total() == 0);
    }
  }

  @Provide
  Arbitrary<Instant> starts() {
    return Arbitraries.longs().between(0, Duration.ofDays(45).toMillis()).map(EARLIEST::plusMillis);
  }

  /** One to three windows, the first of which is walked to its far edge. */
  @Provide
  Arbitrary<List<SloWindow>> windows() {
    Arbitrary<SloWindow> rolling = Arbitraries.of(ROLLING).map(SloWindow::rolling);
    Arbitrary<SloWindow> calendar = Combinators.combine(
        Arbitraries.of(CalendarPeriod.WEEK, CalendarPeriod.MONTH), Arbitraries.of(ZONES)).as(SloWindow.Calendar::new);
    return Arbitraries.oneOf(rolling, calendar).list().ofMinSize(1).ofMaxSize(3);
  }

  /** Up to three exclusions (start offset from the stream's start, length), overlapping at times. */
  @Provide
  Arbitrary<List<long[]>> exclusions() {
    return Combinators.combine(
            Arbitraries.longs().between(-2 * 24 * HOUR, 4 * 24 * HOUR),
            Arbitraries.longs().between(MINUTE, 12 * HOUR))
        .as((offset, length) -> new long[] {offset, length})
        .list().ofMaxSize(3);
  }

  /** Up to 48 steps of at most 90 minutes; events up to two days late (the least a store keeps is three). */
  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.longs().between(0, 90 * MINUTE),
            Arbitraries.longs().between(-10 * MINUTE, 2 * 24 * HOUR),
            Arbitraries.longs().between(0, 50),
            Arbitraries.longs().between(0, 5),
            Arbitraries.of(true, false))
        .as(Step::new);
    return step.list().ofMaxSize(48);
  }

  @Provide
  Arbitrary<List<Long>> laterEvaluations() {
    return Arbitraries.longs().between(0, 6 * HOUR).list().ofMaxSize(16);
  }

  @Provide
  Arbitrary<Long> edgeApproaches() {
    return Arbitraries.longs().between(0, 2 * HOUR);
  }

  /** Record reads {@code lag} before now ({@code lag < 0}: ahead of now) after advancing the clock. */
  record Step(long advance, long lag, long good, long bad, boolean evaluate) {}

  record Event(long at, long good, long bad) {}
}
