package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.product;
import static io.meshwatch.collector.slo.Products.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.BurnAlert;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.Severity;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Burn conditions scaled to the SLO's window, and when the budget runs out. */
class SloEngineBurnTest {

  private final TestClock clock = new TestClock(Instant.parse("2024-03-10T12:00:30Z"));
  private final SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5));

  @Test
  void evaluate_sevenDaySloPagesAtAThirdOfTheThirtyDayRate() {
    engine.register(product(ORDERS, spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(7)))));
    // Burn rate 3.4: 3.4 % bad of a 1 % budget.
    engine.record(quality(966, 34));

    List<BurnAlert> alerts = evaluateOnly().burnAlerts();

    // 2 % in 1h, 5 % in 6h, 10 % in 1d, 10 % in 3d of a 168-hour window.
    assertThat(alerts).extracting(BurnAlert::threshold).usingComparatorForType(
            (a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
        .containsExactly(3.36, 1.4, 0.7, 0.1 * 7 / 3);
    assertThat(alerts).allSatisfy(alert -> {
      assertThat(alert.longRate()).isCloseTo(3.4, within(1e-9));
      assertThat(alert.shortRate()).isCloseTo(3.4, within(1e-9));
      assertThat(alert.burning()).isTrue();
    });
  }

  @Test
  void evaluate_sevenDaySloBelowThePageRateDoesNotPageOnTheFastestCondition() {
    engine.register(product(ORDERS, spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(7)))));
    engine.record(quality(967, 33));

    SloStatus checks = evaluateOnly();

    assertThat(checks.burnAlerts().get(0).burning()).isFalse();
    assertThat(checks.burnAlerts().get(1).burning()).isTrue();
    assertThat(checks.burning(Severity.PAGE)).isTrue();
  }

  @Test
  void evaluate_thirtyDaySloKeepsTheWorkbookRates() {
    engine.register(product(ORDERS, spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(30)))));
    engine.record(quality(866, 134));

    SloStatus checks = evaluateOnly();

    assertThat(checks.burnAlerts()).extracting(BurnAlert::threshold).usingComparatorForType(
            (a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
        .containsExactly(14.4, 6.0, 3.0, 1.0);
    // 13.4 is below the fastest page's 14.4 but above the slower page's 6.
    assertThat(checks.burnAlerts()).extracting(BurnAlert::burning).containsExactly(false, true, true, true);
  }

  @Test
  void evaluate_windowWithoutEventsIsNotBurning() {
    engine.register(product(ORDERS, spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(7)))));
    engine.record(quality(0, 100));
    clock.advance(Duration.ofMinutes(4));
    engine.record(new Signal.Heartbeat(ORDERS, clock.instant()));
    clock.advance(Duration.ofMinutes(2));

    BurnAlert fastest = evaluateOnly().burnAlerts().get(0);

    // 1h burns at 100, but nothing happened in the last 5m.
    assertThat(fastest.longRate()).isCloseTo(100.0, within(1e-9));
    assertThat(fastest.shortRate()).isNull();
    assertThat(fastest.burning()).isFalse();
  }

  @Test
  void forecast_constantBurnAgreesAtCurrentBurnAndByTrend() {
    engine.register(product(ORDERS, spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(1)))));
    // A burn rate of 0.8 for more than the whole window: 20 % of the budget left, burning 80 % a
    // day, runs out in a quarter of a day.
    for (int minute = 0; minute < 25 * 60; minute++) {
      engine.record(quality(992, 8));
      clock.advance(Duration.ofMinutes(1));
    }
    engine.record(new Signal.Heartbeat(ORDERS, clock.instant()));

    SloStatus checks = evaluateOnly();
    BudgetForecast forecast = checks.forecast();

    assertThat(checks.errorBudgetRemaining()).isCloseTo(0.2, within(1e-9));
    assertThat(forecast.atCurrentBurn()).isEqualTo(Duration.ofHours(6));
    // Tolerance: the trend is fitted to 5-minute buckets whose first and last are partial.
    assertThat(forecast.byTrend()).isBetween(Duration.ofHours(6).minusMinutes(10), Duration.ofHours(6).plusMinutes(10));
  }

  @Test
  void forecast_acceleratingBurnRunsOutSoonerAtTheCurrentRate() {
    engine.register(product(ORDERS, spec("checks", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(1)))));
    // A clean day, then the last hour burns at 5.
    for (int minute = 0; minute < 24 * 60; minute++) {
      engine.record(minute < 23 * 60 ? quality(1000, 0) : quality(950, 50));
      clock.advance(Duration.ofMinutes(1));
    }
    engine.record(new Signal.Heartbeat(ORDERS, clock.instant()));

    SloStatus checks = evaluateOnly();
    BudgetForecast forecast = checks.forecast();

    // Budget left about 1 - 5/24: 3000 bad of the day's events (a 1d window is counted in 5-minute
    // buckets, so its clean edge holds up to 5 minutes less); at 5 budgets a day it lasts a fifth of
    // that in days, about 3.8h.
    assertThat(checks.totalEvents()).isBetween(1_435_000L, 1_440_000L);
    double left = 1 - 3000.0 / (0.01 * checks.totalEvents());
    assertThat(checks.errorBudgetRemaining()).isCloseTo(left, within(1e-9));
    assertThat(forecast.atCurrentBurn().toMillis()).isCloseTo(Math.round(left / 5 * 86_400_000), within(1L));
    // The trend over the whole day is shallow: the budget outlives the window.
    assertThat(forecast.byTrend()).isNull();
  }

  @Test
  void forecast_exhaustedBudgetIsZeroAndNoBurnIsNone() {
    engine.register(product(ORDERS, spec("bad", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(1))),
        spec("reads", SliKind.AVAILABILITY, null, 99, SloWindow.rolling(Duration.ofDays(1)))));
    engine.record(quality(0, 10));
    engine.record(new Signal.UsageReads(ORDERS, clock.instant(), "finance", 10, 0, Duration.ZERO));

    List<SloStatus> slos = engine.evaluate().get(0).slos();

    assertThat(slos.get(0).forecast()).isEqualTo(new BudgetForecast(Duration.ZERO, Duration.ZERO));
    assertThat(slos.get(1).forecast()).isEqualTo(BudgetForecast.NONE);
  }

  @Test
  void forecast_calendarWindowEndsWithItsPeriod() {
    SloWindow month = new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"));
    engine.register(product(ORDERS, spec("month", SliKind.QUALITY, null, 99, month),
        spec("rolling", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(31)))));
    // Three hours before March ends in Berlin, burning exactly on budget.
    clock.set(Instant.parse("2024-03-31T19:00:30Z"));
    engine.record(new Signal.QualityOutcome(ORDERS, Instant.parse("2024-03-05T10:00:00Z"), "ids", 100_000, 0, 0, 0));
    engine.record(quality(990, 10));

    List<SloStatus> slos = engine.evaluate().get(0).slos();

    // About 99 % of the budget lasts 0.99 windows at that rate: past the month's end, within 31 days.
    assertThat(slos.get(0).errorBudgetRemaining()).isCloseTo(0.99, within(1e-3));
    assertThat(slos.get(0).forecast().atCurrentBurn()).isNull();
    assertThat(slos.get(1).forecast().atCurrentBurn()).isBetween(Duration.ofHours(700), Duration.ofHours(744));
  }

  private SloStatus evaluateOnly() {
    return engine.evaluate().get(0).slos().get(0);
  }

  private Signal.QualityOutcome quality(long passed, long failed) {
    return new Signal.QualityOutcome(ORDERS, clock.instant(), "not-null", passed, failed, 0, 0);
  }
}
