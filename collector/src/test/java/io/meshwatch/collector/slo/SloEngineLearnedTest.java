package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.Severity;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** SLOs without a threshold, judged by what the engine learned from the product's own history. */
class SloEngineLearnedTest {

  private static final Instant MONDAY = Instant.parse("2024-03-04T00:00:00Z");
  private static final Duration TICK = Duration.ofMinutes(5);

  private final TestClock clock = new TestClock(MONDAY);
  private final SloEngine engine = new SloEngine(clock, Duration.ofMinutes(10));

  @Test
  void evaluate_weekdayHourlyProductRaisesNothingAtTheWeekendAndIsOverdueWhenAnUpdateIsTwoHoursLate() {
    // A day's window: the first two weekends, before the weekly cadence is learned, are late and leave it.
    engine.register(product(ORDERS, Products.spec("fresh", SliKind.FRESHNESS, null, 99,
        SloWindow.rolling(Duration.ofDays(1)))));

    run(Instant.parse("2024-03-23T00:00:00Z"), SloEngineLearnedTest::weekdayHour);
    SloStatus friday = fresh();
    assertThat(friday.state()).isEqualTo(SloState.HEALTHY);
    // A day read in 5-minute buckets: now's bucket holds one minute, so 287 buckets of 5 and 1.
    assertThat(friday.goodEvents()).isEqualTo(friday.totalEvents()).isEqualTo(287 * 5 + 1);
    LearnedBaseline.FreshnessCadence cadence = (LearnedBaseline.FreshnessCadence) friday.baseline();
    assertThat(cadence.weekly()).isTrue();
    assertThat(cadence.typicalInterval()).isEqualTo(Duration.ofHours(1));

    // The third weekend: reporting, no updates, nothing late.
    Instant monday = Instant.parse("2024-03-25T00:00:00Z");
    while (clock.instant().isBefore(monday)) {
      run(clock.instant().plus(Duration.ofHours(1)), t -> false);
      SloStatus weekend = fresh();
      assertThat(weekend.state()).as("at %s", clock.instant()).isEqualTo(SloState.HEALTHY);
      assertThat(weekend.goodEvents()).as("at %s", clock.instant()).isEqualTo(weekend.totalEvents());
      assertThat(weekend.burning(Severity.PAGE) || weekend.burning(Severity.TICKET)).isFalse();
      Duration overdueAfter = ((LearnedBaseline.FreshnessCadence) weekend.baseline()).overdueAfter();
      if (clock.instant().isBefore(monday)) {
        assertThat(overdueAfter).as("inside the expected silence").isNull();
      } else {
        assertThat(overdueAfter).as("Friday 23:00 to Monday 01:30").isEqualTo(Duration.ofMinutes(50 * 60 + 30));
      }
    }

    // Monday: hourly updates up to 09:00, then the 10:00 update is missing.
    run(Instant.parse("2024-03-25T10:30:00Z"), t -> weekdayHour(t) && t.isBefore(Instant.parse("2024-03-25T10:00:00Z")));
    SloStatus onTime = fresh();
    assertThat(onTime.goodEvents()).isEqualTo(onTime.totalEvents());
    assertThat(((LearnedBaseline.FreshnessCadence) onTime.baseline()).overdueAfter())
        .isEqualTo(Duration.ofMinutes(90));

    run(Instant.parse("2024-03-25T10:35:00Z"), t -> false);
    SloStatus late = fresh();
    assertThat(late.totalEvents() - late.goodEvents()).isEqualTo(5);
    assertThat(late.sli()).isEqualTo(0.0);
    assertThat(late.burning(Severity.PAGE)).isTrue();

    // The update arrives two hours late; the data is fresh again from then on.
    run(Instant.parse("2024-03-25T12:00:00Z"), t -> false);
    engine.record(new Signal.FreshnessUpdate(ORDERS, clock.instant(), Instant.parse("2024-03-25T12:00:00Z")));
    run(Instant.parse("2024-03-25T12:10:00Z"), t -> false);
    SloStatus after = fresh();
    assertThat(after.totalEvents() - after.goodEvents()).isEqualTo(90);
    assertThat(after.sli()).isEqualTo(1.0);
  }

  @Test
  void evaluate_cadenceIsLearnedInTheZoneOfACalendarWindow() {
    engine.register(product(ORDERS, Products.spec("fresh", SliKind.FRESHNESS, null, 99,
        new SloWindow.Calendar(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin")))));

    run(MONDAY.plus(Duration.ofHours(2)), t -> true);

    engine.evaluate();
    assertThat(engine.track(ORDERS).cadences()).singleElement()
        .satisfies(learner -> assertThat(learner.zone()).isEqualTo(ZoneId.of("Europe/Berlin")));
  }

  @Test
  void evaluate_volumeDropIsFlaggedAndASingleSpikeDoesNotShiftTheBand() {
    engine.register(product(ORDERS, Products.spec("rows", SliKind.VOLUME, null, 99, SloWindow.rolling(Duration.ofDays(1)))));
    Random random = new Random(42);

    for (int run = 0; run < 9; run++) {
      runWrote(1000 * (0.98 + 0.04 * random.nextDouble()));
    }
    SloStatus learning = rows();
    assertThat(learning.state()).isEqualTo(SloState.INSUFFICIENT_HISTORY);
    assertThat(learning.totalEvents()).isZero();
    assertThat(learning.baseline().samples()).isEqualTo(9);
    assertThat(learning.baseline().ready()).isFalse();

    runWrote(1000 * (0.98 + 0.04 * random.nextDouble()));
    SloStatus ready = rows();
    assertThat(ready.baseline().ready()).isTrue();
    assertThat(ready.state()).as("ready, but no run judged yet").isEqualTo(SloState.NO_DATA);

    for (int run = 0; run < 30; run++) {
      runWrote(1000 * (0.98 + 0.04 * random.nextDouble()));
    }
    SloStatus before = rows();
    assertThat(before.state()).isEqualTo(SloState.HEALTHY);
    assertThat(before.goodEvents()).isEqualTo(before.totalEvents()).isEqualTo(30);

    runWrote(10_000);
    SloStatus spiked = rows();
    assertThat(spiked.totalEvents() - spiked.goodEvents()).isEqualTo(1);
    LearnedBaseline.VolumeBand bandBefore = (LearnedBaseline.VolumeBand) before.baseline();
    LearnedBaseline.VolumeBand bandAfter = (LearnedBaseline.VolumeBand) spiked.baseline();
    assertThat(bandAfter.medianRows()).isCloseTo(bandBefore.medianRows(), withPercentage(1));
    assertThat(bandAfter.minRows()).isCloseTo(bandBefore.minRows(), withPercentage(1));
    assertThat(bandAfter.maxRows()).isCloseTo(bandBefore.maxRows(), withPercentage(1));

    runWrote(1000);
    assertThat(rows().totalEvents() - rows().goodEvents()).isEqualTo(1);

    runWrote(400);
    SloStatus dropped = rows();
    assertThat(dropped.totalEvents() - dropped.goodEvents()).isEqualTo(2);
    assertThat(dropped.totalEvents()).isEqualTo(33);
    assertThat(dropped.sli()).isEqualTo(0.0);
  }

  @Test
  void record_aggregatedRunsAreJudgedByTheirRowsPerRunAndAllCounted() {
    engine.register(product(ORDERS, Products.spec("rows", SliKind.VOLUME, null, 99, SloWindow.rolling(Duration.ofDays(1)))));
    for (int run = 0; run < 12; run++) {
      runWrote(1000);
    }

    clock.advance(TICK);
    engine.record(new Signal.VolumeWritten(ORDERS, clock.instant(), 3, 3000));
    engine.record(new Signal.VolumeWritten(ORDERS, clock.instant(), 2, 400));
    engine.record(new Signal.VolumeWritten(ORDERS, clock.instant(), 0, 0));
    SloStatus status = rows();

    assertThat(status.totalEvents()).isEqualTo(2 + 5);
    assertThat(status.goodEvents()).isEqualTo(2 + 3);
  }

  @Test
  void register_keepsALearnedBandAndDropsItOnceAThresholdIsDeclared() {
    SloSpec learned = Products.spec("rows", SliKind.VOLUME, null, 99, SloWindow.rolling(Duration.ofDays(1)));
    engine.register(product(ORDERS, learned));
    for (int run = 0; run < 12; run++) {
      runWrote(1000);
    }

    engine.register(product(ORDERS, learned));
    assertThat(rows().baseline().samples()).isEqualTo(12);

    engine.register(product(ORDERS, Products.volume("rows", 900, 1100)));
    assertThat(rows().baseline()).isNull();
    engine.register(product(ORDERS, learned));
    assertThat(rows().baseline().samples()).isZero();
  }

  /** Moves the clock to {@code until} in 5-minute ticks, with a heartbeat each and an update where {@code updates} says. */
  private void run(Instant until, Predicate<Instant> updates) {
    while (clock.instant().isBefore(until)) {
      clock.advance(TICK);
      Instant now = clock.instant();
      engine.record(new Signal.Heartbeat(ORDERS, now));
      if (updates.test(now)) {
        engine.record(new Signal.FreshnessUpdate(ORDERS, now, now));
      }
    }
  }

  private void runWrote(double rows) {
    clock.advance(TICK);
    engine.record(new Signal.VolumeWritten(ORDERS, clock.instant(), 1, rows));
  }

  private static boolean weekdayHour(Instant t) {
    DayOfWeek day = t.atZone(ZoneOffset.UTC).getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && t.getEpochSecond() % 3600 == 0;
  }

  private SloStatus fresh() {
    return engine.evaluate().get(0).slos().get(0);
  }

  private SloStatus rows() {
    return engine.evaluate().get(0).slos().get(0);
  }
}
