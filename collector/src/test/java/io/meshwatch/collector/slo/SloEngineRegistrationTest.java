package io.meshwatch.collector.slo;

import io.meshwatch.collector.TestClock;
import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.product;
import static io.meshwatch.collector.slo.Products.slo;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.AgentState;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SloEngineRegistrationTest {

  private final TestClock clock = new TestClock(Instant.parse("2024-03-10T12:00:30Z"));
  private final SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5));

  @Test
  void register_replacingKeepsHistoryOfSlosThatKeepNameAndKind() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99), slo("checks", SliKind.QUALITY, 99)));
    engine.record(reads(3, 1));
    engine.record(new Signal.QualityOutcome(ORDERS, clock.instant(), "unique", 1, 0, 0, 0));

    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 50), slo("runs", SliKind.RUN_SUCCESS, 99)));
    ProductStatus status = engine.evaluate().get(0);

    assertThat(status.slos()).extracting(SloStatus::slo).containsExactly("reads", "runs");
    SloStatus reads = status.slos().get(0);
    assertThat(reads.compliance()).isEqualTo(0.75);
    assertThat(reads.objective()).isEqualTo(0.5);
    assertThat(reads.state()).isEqualTo(SloState.HEALTHY);
    assertThat(status.slos().get(1).state()).isEqualTo(SloState.NO_DATA);
  }

  @Test
  void register_droppedSloComesBackEmpty() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    engine.record(reads(3, 1));

    engine.register(product(ORDERS));
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));

    assertThat(engine.evaluate().get(0).slos().get(0).state()).isEqualTo(SloState.NO_DATA);
  }

  @Test
  void register_sloWhoseKindChangedStartsEmpty() {
    engine.register(product(ORDERS, slo("main", SliKind.AVAILABILITY, 99)));
    engine.record(reads(3, 1));

    engine.register(product(ORDERS, slo("main", SliKind.RUN_SUCCESS, 99)));
    engine.record(reads(5, 5));

    SloStatus main = engine.evaluate().get(0).slos().get(0);
    assertThat(main.kind()).isEqualTo(SliKind.RUN_SUCCESS);
    assertThat(main.state()).isEqualTo(SloState.NO_DATA);
  }

  @Test
  void register_windowChangeKeepsTheHistoryThatFits() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    engine.record(reads(3, 1));
    clock.advance(Duration.ofDays(2));
    engine.record(reads(1, 0));

    engine.register(product(ORDERS, new SloSpec("reads", SliKind.AVAILABILITY, null, 99, Duration.ofDays(1))));
    SloStatus oneDay = engine.evaluate().get(0).slos().get(0);
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    SloStatus backToFourWeeks = engine.evaluate().get(0).slos().get(0);

    assertThat(oneDay.compliance()).isEqualTo(1.0);
    // The minute buckets of the last three days survived the round trip through a 1-day window.
    assertThat(backToFourWeeks.compliance()).isEqualTo(0.8);
  }

  @Test
  void register_againKeepsWhatTheAgentReported() {
    engine.register(product(ORDERS));
    engine.record(new Signal.FreshnessUpdate(ORDERS, clock.instant(), clock.instant()));

    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    ProductStatus status = engine.evaluate().get(0);

    assertThat(status.agent()).isEqualTo(AgentState.REPORTING);
    assertThat(status.dataTime()).isEqualTo(clock.instant());
  }

  @Test
  void remove_forgetsTheProductItsHistoryAndStatus() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    engine.record(reads(3, 1));
    engine.evaluate();

    engine.remove(ORDERS);

    assertThat(engine.status(ORDERS)).isEmpty();
    assertThat(engine.statuses()).isEmpty();
    engine.record(reads(1, 0));
    assertThat(engine.ignoredSignals()).isEqualTo(1);
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    ProductStatus status = engine.evaluate().get(0);
    assertThat(status.agent()).isEqualTo(AgentState.NEVER_SEEN);
    assertThat(status.slos().get(0).state()).isEqualTo(SloState.NO_DATA);
  }

  private Signal.UsageReads reads(long succeeded, long failed) {
    return new Signal.UsageReads(ORDERS, clock.instant(), "finance", succeeded, failed, Duration.ZERO);
  }
}
