package io.meshwatch.collector.slo;

import io.meshwatch.collector.TestClock;
import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine against a brute-force reference that keeps every raw event and filters it per window
 * with the store's documented bucketing: look-backs up to three days are the minute buckets ending
 * with now's, longer ones the hour buckets ending with now's. With that rule the engine's counts are
 * exact, so compliance, SLI and every burn rate must equal the reference's to the last bit, for the
 * minute-resolution part and for the hourly part (the 28-day window) alike.
 */
class SloEnginePropertyTest {

  private static final long MINUTE = 60_000;
  private static final long HOUR = 3_600_000;
  private static final Instant START = Instant.parse("2024-03-10T00:00:00Z");
  private static final List<SloSpec> SLOS = List.of(
      new SloSpec("four-weeks", SliKind.AVAILABILITY, null, 99, Duration.ofDays(28)),
      new SloSpec("one-day", SliKind.AVAILABILITY, null, 99.5, Duration.ofDays(1)),
      new SloSpec("ninety-minutes", SliKind.AVAILABILITY, null, 90, Duration.ofMinutes(90)));

  @Property(tries = 300)
  void evaluate_matchesABruteForceReference(
      @ForAll("startOffsets") long startOffset,
      @ForAll("steps") List<Step> steps,
      @ForAll("laterEvaluations") List<Long> later,
      @ForAll("edgeApproaches") long edgeApproach,
      @ForAll("edgeSteps") List<Long> edgeSteps) {
    TestClock clock = new TestClock(START.plusMillis(startOffset));
    SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5));
    engine.register(product(ORDERS, SLOS.toArray(SloSpec[]::new)));
    List<Event> events = new ArrayList<>();

    for (Step step : steps) {
      clock.advance(Duration.ofMillis(step.advance()));
      Instant observed = clock.instant().minusMillis(step.lag());
      engine.record(new Signal.UsageReads(ORDERS, observed, "finance", step.good(), step.bad(), Duration.ZERO));
      long at = Math.min(observed.toEpochMilli(), clock.instant().toEpochMilli());
      events.add(new Event(at, step.good(), step.good() + step.bad()));
      if (step.evaluate()) {
        assertMatchesReference(engine, events, clock.instant());
      }
    }
    // Later evaluations cross the edges of the minute-counted windows (up to three days), then,
    // after a jump, the edge of the hour-counted 28-day window.
    for (long advance : later) {
      clock.advance(Duration.ofMillis(advance));
      assertMatchesReference(engine, events, clock.instant());
    }
    Instant nearEdge = START.plusMillis(startOffset).plus(Duration.ofDays(28)).minusMillis(edgeApproach);
    if (clock.instant().isBefore(nearEdge)) {
      clock.set(nearEdge);
    }
    for (long advance : edgeSteps) {
      clock.advance(Duration.ofMillis(advance));
      assertMatchesReference(engine, events, clock.instant());
    }
  }

  private static void assertMatchesReference(SloEngine engine, List<Event> events, Instant now) {
    List<SloStatus> actual = engine.evaluate().get(0).slos();
    for (int i = 0; i < SLOS.size(); i++) {
      SloSpec spec = SLOS.get(i);
      SloStatus status = actual.get(i);
      long[] window = sum(events, inWindow(spec.window().longest(), now.toEpochMilli()));
      Double compliance = window[1] == 0 ? null : (double) window[0] / window[1];
      Map<BurnWindow, Double> burnRates = new EnumMap<>(BurnWindow.class);
      for (BurnWindow burn : BurnWindow.values()) {
        long[] counts = sum(events, inWindow(burn.duration(), now.toEpochMilli()));
        if (counts[1] > 0) {
          burnRates.put(burn, (double) (counts[1] - counts[0]) / counts[1] / spec.errorBudget());
        }
      }
      long[] recent = sum(events, inWindow(Duration.ofMinutes(5), now.toEpochMilli()));

      assertThat(status.compliance()).as("%s compliance at %s", spec.name(), now).isEqualTo(compliance);
      assertThat(status.burnRates()).as("%s burn rates at %s", spec.name(), now).isEqualTo(burnRates);
      assertThat(status.sli()).as("%s sli at %s", spec.name(), now)
          .isEqualTo(recent[1] == 0 ? null : (double) recent[0] / recent[1]);
      assertThat(status.state()).as("%s state at %s", spec.name(), now).isEqualTo(
          compliance == null ? SloState.NO_DATA
              : compliance < spec.objective() ? SloState.BREACHING : SloState.HEALTHY);
    }
  }

  /** The store's bucketing rule, written out from its javadoc. */
  private static LongPredicate inWindow(Duration lookBack, long now) {
    long minutes = ceil(lookBack.toMillis(), MINUTE);
    if (minutes <= Duration.ofDays(3).toMinutes()) {
      return at -> Math.floorDiv(at, MINUTE) > Math.floorDiv(now, MINUTE) - minutes;
    }
    long hours = ceil(lookBack.toMillis(), HOUR);
    return at -> Math.floorDiv(at, HOUR) > Math.floorDiv(now, HOUR) - hours;
  }

  private static long[] sum(List<Event> events, LongPredicate in) {
    long good = 0;
    long total = 0;
    for (Event event : events) {
      if (in.test(event.at())) {
        good += event.good();
        total += event.total();
      }
    }
    return new long[] {good, total};
  }

  private static long ceil(long millis, long unit) {
    return -Math.floorDiv(-millis, unit);
  }

  @Provide
  Arbitrary<Long> startOffsets() {
    return Arbitraries.longs().between(0, HOUR - 1);
  }

  /** Up to 48 steps of at most 90 minutes: a stream over at most three days. */
  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.longs().between(0, 90 * MINUTE),
            Arbitraries.longs().between(-10 * MINUTE, 4 * 24 * HOUR),
            Arbitraries.longs().between(0, 50),
            Arbitraries.longs().between(0, 5),
            Arbitraries.of(true, false))
        .as(Step::new);
    return step.list().ofMaxSize(48);
  }

  /** Clock advances between evaluations after the stream: up to ~five days of them in all. */
  @Provide
  Arbitrary<List<Long>> laterEvaluations() {
    return Arbitraries.longs().between(0, 3 * HOUR).list().ofMaxSize(40);
  }

  /** How far before the 28-day edge of the stream's start the clock jumps to. */
  @Provide
  Arbitrary<Long> edgeApproaches() {
    return Arbitraries.longs().between(0, 2 * HOUR);
  }

  /** Small steps that walk the 28-day edge across the stream's first hours, where events are dense. */
  @Provide
  Arbitrary<List<Long>> edgeSteps() {
    return Arbitraries.longs().between(0, HOUR).list().ofMaxSize(40);
  }

  /** Record reads {@code lag} before now ({@code lag < 0}: ahead of now) after advancing the clock. */
  record Step(long advance, long lag, long good, long bad, boolean evaluate) {}

  record Event(long at, long good, long total) {}
}
