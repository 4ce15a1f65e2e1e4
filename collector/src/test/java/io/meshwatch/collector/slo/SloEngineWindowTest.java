package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.product;
import static io.meshwatch.collector.slo.Products.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.BurnAlert;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.Severity;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Calendar windows, exclusions and the honest states: no_data freezes, insufficient_history waits. */
class SloEngineWindowTest {

  private final TestClock clock = new TestClock(Instant.parse("2024-03-10T12:00:30Z"));
  private final SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5));

  @Test
  void evaluate_calendarMonthStartsAtMidnightInItsZone() {
    SloWindow month = new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"));
    engine.register(product(ORDERS, spec("reads", SliKind.AVAILABILITY, null, 99, month)));
    // 22:30Z on Feb 29 is still February in Berlin; 23:00Z is March 1st, 00:00 there.
    engine.record(reads(Instant.parse("2024-02-29T22:30:00Z"), 0, 50));
    engine.record(reads(Instant.parse("2024-02-29T23:00:00Z"), 90, 10));
    engine.record(reads(Instant.parse("2024-03-09T08:00:00Z"), 100, 0));

    SloStatus reads = evaluateOnly();

    // March in Berlin: from 23:00Z on Feb 29 to 22:00Z on March 31 (summer time starts that day).
    assertThat(reads.window()).isEqualTo(
        new WindowSpan(Instant.parse("2024-02-29T23:00:00Z"), Instant.parse("2024-03-31T22:00:00Z")));
    assertThat(reads.goodEvents()).isEqualTo(190);
    assertThat(reads.totalEvents()).isEqualTo(200);
    assertThat(reads.compliance()).isEqualTo(0.95);
    // The fastest page condition (2 % of the budget in 1h) scales with the 743-hour month.
    BurnAlert page = reads.burnAlerts().get(0);
    assertThat(page.condition().longWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(page.threshold()).isCloseTo(0.02 * 743, within(1e-9));
  }

  @Test
  void evaluate_calendarWeekStartsAfresh() {
    SloWindow week = new SloWindow.Calendar(CalendarPeriod.WEEK, ZoneId.of("America/New_York"));
    engine.register(product(ORDERS, spec("reads", SliKind.AVAILABILITY, null, 99, week)));
    // 2024-03-10 is a Sunday; the week started Monday March 4th, 05:00Z in New York.
    engine.record(reads(Instant.parse("2024-03-04T04:59:00Z"), 0, 10));
    engine.record(reads(Instant.parse("2024-03-04T05:00:00Z"), 10, 0));

    SloStatus reads = evaluateOnly();

    assertThat(reads.window().start()).isEqualTo(Instant.parse("2024-03-04T05:00:00Z"));
    assertThat(reads.compliance()).isEqualTo(1.0);
  }

  @Test
  void evaluate_outageInsideMaintenanceBurnsNoBudget() {
    Instant ten = Instant.parse("2024-03-10T10:00:00Z");
    // Two overlapping declarations of one maintenance: merged, so nothing is taken out twice.
    engine.register(product(ORDERS, spec("reads", SliKind.AVAILABILITY, null, 99, SloWindow.rolling(Products.WINDOW),
        new Exclusion("maintenance", ten, ten.plus(Duration.ofMinutes(40))),
        new Exclusion("migration", ten.plus(Duration.ofMinutes(30)), ten.plus(Duration.ofHours(1))))));
    engine.record(reads(ten.minus(Duration.ofMinutes(30)), 100, 0));
    engine.record(reads(ten.plus(Duration.ofMinutes(15)), 0, 100));
    engine.record(reads(ten.plus(Duration.ofMinutes(35)), 50, 0));
    engine.record(reads(ten.plus(Duration.ofMinutes(45)), 0, 100));
    engine.record(reads(ten.plus(Duration.ofMinutes(90)), 100, 0));

    SloStatus reads = evaluateOnly();

    assertThat(reads.state()).isEqualTo(SloState.HEALTHY);
    assertThat(reads.goodEvents()).isEqualTo(200);
    assertThat(reads.totalEvents()).isEqualTo(200);
    assertThat(reads.compliance()).isEqualTo(1.0);
    assertThat(reads.errorBudgetRemaining()).isEqualTo(1.0);
    // The 2h window (10:01..12:00) overlaps the maintenance; its outage is taken out there too.
    assertThat(reads.burnRates().get(BurnWindow.H2)).isEqualTo(0.0);
    assertThat(reads.burnRates().get(BurnWindow.H6)).isEqualTo(0.0);
    assertThat(reads.burnAlerts()).noneMatch(BurnAlert::burning);
  }

  @Test
  void evaluate_outageOutsideMaintenanceStillBurns() {
    Instant ten = Instant.parse("2024-03-10T10:00:00Z");
    engine.register(product(ORDERS, spec("reads", SliKind.AVAILABILITY, null, 99, SloWindow.rolling(Products.WINDOW),
        new Exclusion("maintenance", ten, ten.plus(Duration.ofHours(1))))));
    engine.record(reads(ten.plus(Duration.ofMinutes(15)), 0, 100));
    engine.record(reads(ten.plus(Duration.ofMinutes(75)), 90, 10));

    SloStatus reads = evaluateOnly();

    assertThat(reads.compliance()).isEqualTo(0.9);
    assertThat(reads.burnRates().get(BurnWindow.H2)).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void evaluate_silentAgentFreezesTheBudget() {
    engine.register(product(ORDERS, spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Products.WINDOW)),
        spec("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(10)), 99,
            SloWindow.rolling(Products.WINDOW))));
    engine.record(new Signal.QualityOutcome(ORDERS, clock.instant(), "not-null", 995, 5, 0, 0));
    engine.record(new Signal.FreshnessUpdate(ORDERS, clock.instant(), clock.instant()));
    clock.advance(Duration.ofMinutes(3));
    SloStatus checksBefore = engine.evaluate().get(0).slos().get(0);

    SloStatus checks = null;
    SloStatus fresh = null;
    for (int i = 0; i < 36; i++) {
      clock.advance(Duration.ofMinutes(10));
      checks = engine.evaluate().get(0).slos().get(0);
      fresh = engine.evaluate().get(0).slos().get(1);
    }

    assertThat(checksBefore.state()).isEqualTo(SloState.HEALTHY);
    assertThat(checks.state()).isEqualTo(SloState.NO_DATA);
    assertThat(checks.errorBudgetRemaining()).isEqualTo(checksBefore.errorBudgetRemaining()).isCloseTo(0.5, within(1e-9));
    assertThat(fresh.state()).isEqualTo(SloState.NO_DATA);
    // Six hours of stale data while silent: nothing counted, the budget is untouched.
    assertThat(fresh.errorBudgetRemaining()).isEqualTo(1.0);
    assertThat(fresh.totalEvents()).isEqualTo(5);
    assertThat(fresh.burnAlerts()).noneMatch(BurnAlert::burning);
    assertThat(fresh.burning(Severity.PAGE)).isFalse();
    assertThat(fresh.burning(Severity.TICKET)).isFalse();
  }

  @Test
  void evaluate_noDataNeverReportsBurningThoughTheRatesDo() {
    SloEngine quick = new SloEngine(clock, Duration.ofMinutes(1));
    quick.register(product(ORDERS, spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Products.WINDOW))));
    quick.record(new Signal.QualityOutcome(ORDERS, clock.instant(), "not-null", 50, 50, 0, 0));
    SloStatus reporting = quick.evaluate().get(0).slos().get(0);

    clock.advance(Duration.ofMinutes(2));
    SloStatus silent = quick.evaluate().get(0).slos().get(0);

    assertThat(reporting.burning(Severity.PAGE)).isTrue();
    assertThat(silent.state()).isEqualTo(SloState.NO_DATA);
    assertThat(silent.burnAlerts().get(0).burning()).isTrue();
    assertThat(silent.burning(Severity.PAGE)).isFalse();
  }

  @Test
  void evaluate_neverSeenAgentIsNoDataEvenWithoutEvents() {
    engine.register(product(ORDERS, spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Products.WINDOW))));

    SloStatus checks = evaluateOnly();

    assertThat(checks.state()).isEqualTo(SloState.NO_DATA);
    assertThat(checks.forecast().atCurrentBurn()).isNull();
    assertThat(checks.burnAlerts()).hasSize(4).noneMatch(BurnAlert::burning);
  }

  @Test
  void evaluate_insufficientHistoryUntilTheMinimumHasPassed() {
    // The short constructor: a 28-day window needs a day of history.
    engine.register(product(ORDERS, new SloSpec("reads", SliKind.AVAILABILITY, null, 99, Products.WINDOW)));
    Instant first = clock.instant();
    engine.record(reads(first, 10, 0));

    clock.set(Instant.parse("2024-03-11T11:59:59Z"));
    engine.record(reads(clock.instant(), 10, 0));
    SloStatus early = evaluateOnly();
    clock.set(Instant.parse("2024-03-11T12:00:00Z"));
    SloStatus judged = evaluateOnly();
    clock.advance(Duration.ofMinutes(6));
    SloStatus silent = evaluateOnly();

    // The first event counts from the start of its minute, 12:00:00.
    assertThat(early.state()).isEqualTo(SloState.INSUFFICIENT_HISTORY);
    assertThat(early.compliance()).isEqualTo(1.0);
    assertThat(judged.state()).isEqualTo(SloState.HEALTHY);
    assertThat(silent.state()).isEqualTo(SloState.NO_DATA);
  }

  @Test
  void evaluate_noDataBeatsInsufficientHistory() {
    engine.register(product(ORDERS, new SloSpec("reads", SliKind.AVAILABILITY, null, 99, Products.WINDOW)));
    engine.record(reads(clock.instant(), 10, 0));

    clock.advance(Duration.ofMinutes(10));

    assertThat(evaluateOnly().state()).isEqualTo(SloState.NO_DATA);
  }

  private SloStatus evaluateOnly() {
    return engine.evaluate().get(0).slos().get(0);
  }

  private static Signal.UsageReads reads(Instant at, long succeeded, long failed) {
    return new Signal.UsageReads(ORDERS, at, "finance", succeeded, failed, Duration.ZERO);
  }
}
