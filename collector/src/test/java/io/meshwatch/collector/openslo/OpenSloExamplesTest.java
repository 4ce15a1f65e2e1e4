package io.meshwatch.collector.openslo;

import static io.meshwatch.collector.openslo.OpenSloFixtures.EXAMPLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.meshwatch.collector.TestClock;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Severity;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** examples/openslo read cleanly against examples/descriptors and evaluate in the SLO engine. */
class OpenSloExamplesTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final ProductId ATTRIBUTION = ProductId.parse("marketing.attribution");
  private static final Instant START = Instant.parse("2026-03-10T08:00:00Z");

  private final OpenSloResult result =
      OpenSloFixtures.read(EXAMPLES.resolve("attribution-freshness.yaml"), EXAMPLES.resolve("orders-quality.yaml"));

  @Test
  void examples_readWithoutProblems() {
    assertThat(result.problems()).isEmpty();
    assertThat(result.slos()).containsOnlyKeys(ATTRIBUTION, ORDERS);
  }

  @Test
  void calendarMonthQualitySlo_takesItsBurnConditionFromTheAlertPolicy() {
    SloSpec spec = result.slos().get(ORDERS).get(0);

    assertThat(spec.window()).isEqualTo(new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")));
    // 12.4 × 6h over the longest month (31d 1h) is just under a tenth of the budget.
    assertThat(spec.burnConditions()).hasSize(1);
    BurnCondition condition = spec.burnConditions().get(0);
    assertThat(condition.severity()).isEqualTo(Severity.PAGE);
    assertThat(condition.longWindow()).isEqualTo(Duration.ofHours(6));
    assertThat(condition.shortWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(condition.budgetShare()).isCloseTo(12.4 * 6 / (31 * 24 + 1), within(1e-12));
  }

  @Test
  void calendarMonthQualitySlo_evaluatesOverTheMonthInItsZone() {
    TestClock clock = new TestClock(START);
    SloEngine engine = engine(clock);

    engine.record(new Signal.QualityOutcome(ORDERS, clock.instant(), "not_null", 90, 10, 0, 0));
    clock.advance(Duration.ofMinutes(1));
    SloStatus status = SpecExamplesTest.slo(engine.evaluate(), ORDERS, "checks-pass-monthly");

    assertThat(status.objective()).isEqualTo(0.995);
    assertThat(status.compliance()).isEqualTo(0.9);
    // One minute of data: too early to judge (OpenSLO has no minimum history; meshwatch's default applies).
    assertThat(status.state()).isEqualTo(SloState.INSUFFICIENT_HISTORY);
    assertThat(status.window()).isEqualTo(new WindowSpan(Instant.parse("2026-02-28T23:00:00Z"), Instant.parse("2026-03-31T22:00:00Z")));
  }

  @Test
  void rollingFreshnessSlo_evaluatesAgainstItsMaximumAge() {
    TestClock clock = new TestClock(START);
    SloEngine engine = engine(clock);

    engine.record(new Signal.FreshnessUpdate(ATTRIBUTION, clock.instant(), clock.instant().minus(Duration.ofHours(29))));
    clock.advance(Duration.ofMinutes(30));
    SloStatus fresh = SpecExamplesTest.slo(engine.evaluate(), ATTRIBUTION, "fresh-within-30h");
    clock.advance(Duration.ofMinutes(90));
    SloStatus stale = SpecExamplesTest.slo(engine.evaluate(), ATTRIBUTION, "fresh-within-30h");

    assertThat(fresh.objective()).isEqualTo(0.995);
    assertThat(fresh.window().length()).isEqualTo(Duration.ofDays(28));
    assertThat(fresh.goodEvents()).isEqualTo(fresh.totalEvents()).isPositive();
    assertThat(stale.totalEvents() - stale.goodEvents()).isPositive();
  }

  private SloEngine engine(TestClock clock) {
    SloEngine engine = new SloEngine(clock, Duration.ofHours(12));
    List.copyOf(result.applyTo(OpenSloFixtures.products())).forEach(engine::register);
    return engine;
  }
}
