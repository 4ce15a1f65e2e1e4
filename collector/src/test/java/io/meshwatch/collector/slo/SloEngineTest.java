package io.meshwatch.collector.slo;

import io.meshwatch.collector.TestClock;
import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.product;
import static io.meshwatch.collector.slo.Products.slo;
import static io.meshwatch.collector.slo.Products.volume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.meshwatch.model.AgentState;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SloEngineTest {

  private final TestClock clock = new TestClock(Instant.parse("2024-03-10T12:00:30Z"));
  private final SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5));

  @Test
  void status_emptyBeforeTheFirstEvaluationAndForUnknownProducts() {
    engine.register(product(ORDERS, slo("checks", SliKind.QUALITY, 99)));

    assertThat(engine.status(ORDERS)).isEmpty();
    assertThat(engine.statuses()).isEmpty();
    engine.evaluate();
    assertThat(engine.status(ORDERS)).isPresent();
    assertThat(engine.status(ProductId.parse("sales.unknown"))).isEmpty();
  }

  @Test
  void evaluate_beforeAnySignalIsNeverSeenWithNoData() {
    engine.register(product(ORDERS, slo("checks", SliKind.QUALITY, 99)));

    ProductStatus status = engine.evaluate().get(0);

    assertThat(status.agent()).isEqualTo(AgentState.NEVER_SEEN);
    assertThat(status.lastSeen()).isNull();
    assertThat(status.dataTime()).isNull();
    assertThat(status.dataAge()).isNull();
    assertThat(status.evaluatedAt()).isEqualTo(clock.instant());
    SloStatus checks = status.slos().get(0);
    assertThat(checks.state()).isEqualTo(SloState.NO_DATA);
    assertThat(checks.sli()).isNull();
    assertThat(checks.compliance()).isNull();
    assertThat(checks.errorBudgetRemaining()).isNull();
    assertThat(checks.burnRates()).isEmpty();
    assertThat(checks.objective()).isEqualTo(0.99);
  }

  @Test
  void evaluate_heartbeatsKeepTheAgentReportingUntilTheTimeout() {
    engine.register(product(ORDERS));
    Instant seen = clock.instant();
    engine.record(new Signal.Heartbeat(ORDERS, seen.minus(Duration.ofHours(1))));

    clock.advance(Duration.ofMinutes(5));
    ProductStatus reporting = engine.evaluate().get(0);
    clock.advance(Duration.ofMillis(1));
    ProductStatus silent = engine.evaluate().get(0);

    // lastSeen is the engine's clock when the heartbeat arrived, not the reporter's timestamp.
    assertThat(reporting.lastSeen()).isEqualTo(seen);
    assertThat(reporting.agent()).isEqualTo(AgentState.REPORTING);
    assertThat(silent.agent()).isEqualTo(AgentState.SILENT);
  }

  @Test
  void record_unregisteredProductIsIgnored() {
    engine.record(new Signal.Heartbeat(ORDERS, clock.instant()));

    assertThat(engine.evaluate()).isEmpty();
    assertThat(engine.ignoredSignals()).isEqualTo(1);
  }

  @Test
  void evaluate_qualityFailuresAboveTheBudgetBreach() {
    engine.register(product(ORDERS, slo("checks", SliKind.QUALITY, 99)));
    engine.record(quality(97, 3));

    SloStatus checks = evaluateOnly();

    assertThat(checks.state()).isEqualTo(SloState.BREACHING);
    assertThat(checks.compliance()).isEqualTo(0.97);
    assertThat(checks.sli()).isEqualTo(0.97);
    assertThat(checks.errorBudgetRemaining()).isCloseTo(-2.0, within(1e-9));
  }

  @Test
  void evaluate_qualityFailuresWithinTheBudgetStayHealthy() {
    engine.register(product(ORDERS, slo("checks", SliKind.QUALITY, 99)));
    engine.record(quality(995, 5));

    SloStatus checks = evaluateOnly();

    assertThat(checks.state()).isEqualTo(SloState.HEALTHY);
    assertThat(checks.compliance()).isEqualTo(0.995);
    assertThat(checks.errorBudgetRemaining()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void evaluate_complianceExactlyAtTheObjectiveIsHealthy() {
    engine.register(product(ORDERS, slo("checks", SliKind.QUALITY, 99)));
    engine.record(quality(99, 1));

    assertThat(evaluateOnly().state()).isEqualTo(SloState.HEALTHY);
  }

  @Test
  void evaluate_burnRatesMatchHandComputedValues() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    Instant now = clock.instant();
    // 12:00:30 now. 5m window = minutes 11:56..12:00, 1h = 11:01..12:00, 2h = 10:01..12:00.
    engine.record(reads(now.minus(Duration.ofMinutes(2)), 90, 10));
    engine.record(reads(now.minus(Duration.ofMinutes(30)), 100, 0));
    engine.record(reads(now.minus(Duration.ofMinutes(90)), 0, 100));

    SloStatus reads = evaluateOnly();

    // 5m: 10 bad of 100 = 0.1 / 0.01 budget = 10; 1h: 10 of 200 = 0.05 / 0.01 = 5;
    // 2h and longer: 110 of 300 = 0.3667 / 0.01 = 36.67.
    assertThat(reads.burnRates().get(BurnWindow.M5)).isCloseTo(10.0, within(1e-9));
    assertThat(reads.burnRates().get(BurnWindow.M30)).isCloseTo(10.0, within(1e-9));
    assertThat(reads.burnRates().get(BurnWindow.H1)).isCloseTo(5.0, within(1e-9));
    assertThat(reads.burnRates().get(BurnWindow.H2)).isCloseTo(110.0 / 3, within(1e-9));
    assertThat(reads.burnRates().get(BurnWindow.D3)).isCloseTo(110.0 / 3, within(1e-9));
    assertThat(reads.sli()).isEqualTo(0.9);
  }

  @Test
  void evaluate_burnWindowWithoutEventsIsAbsent() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    engine.record(reads(clock.instant().minus(Duration.ofMinutes(45)), 10, 0));

    SloStatus reads = evaluateOnly();

    assertThat(reads.burnRates()).doesNotContainKeys(BurnWindow.M5, BurnWindow.M30);
    assertThat(reads.burnRates().get(BurnWindow.H1)).isEqualTo(0.0);
    assertThat(reads.sli()).isNull();
    assertThat(reads.compliance()).isEqualTo(1.0);
  }

  @Test
  void evaluate_volumeInsideTheBandIsGoodOutsideBad() {
    engine.register(product(ORDERS, volume("rows", 100, 200)));
    engine.record(new Signal.VolumeWritten(ORDERS, clock.instant(), 2, 300)); // 150 per run: in
    engine.record(new Signal.VolumeWritten(ORDERS, clock.instant(), 1, 200)); // on the edge: in
    engine.record(new Signal.VolumeWritten(ORDERS, clock.instant(), 1, 201)); // out
    engine.record(new Signal.VolumeWritten(ORDERS, clock.instant(), 3, 150)); // 50 per run: out

    SloStatus rows = evaluateOnly();

    assertThat(rows.compliance()).isEqualTo(3.0 / 7);
    assertThat(rows.state()).isEqualTo(SloState.BREACHING);
  }

  @Test
  void evaluate_availabilityCountsSucceededOfAllReads() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 90)));
    engine.record(reads(clock.instant(), 19, 1));

    SloStatus reads = evaluateOnly();

    assertThat(reads.compliance()).isEqualTo(0.95);
    assertThat(reads.state()).isEqualTo(SloState.HEALTHY);
  }

  @Test
  void evaluate_runSuccessCountsSucceededOfAllRuns() {
    engine.register(product(ORDERS, slo("runs", SliKind.RUN_SUCCESS, 90)));
    engine.record(new Signal.RunsCompleted(ORDERS, clock.instant(), 3, 1, Duration.ofMinutes(4)));

    SloStatus runs = evaluateOnly();

    assertThat(runs.compliance()).isEqualTo(0.75);
    assertThat(runs.state()).isEqualTo(SloState.BREACHING);
  }

  @Test
  void record_feedsOnlyTheSlosOfItsKind() {
    engine.register(product(ORDERS,
        slo("checks", SliKind.QUALITY, 99), slo("reads", SliKind.AVAILABILITY, 99), slo("runs", SliKind.RUN_SUCCESS, 99)));
    engine.record(quality(1, 0));

    List<SloStatus> slos = engine.evaluate().get(0).slos();

    assertThat(slos).extracting(SloStatus::slo).containsExactly("checks", "reads", "runs");
    assertThat(slos).extracting(SloStatus::state).containsExactly(SloState.HEALTHY, SloState.NO_DATA, SloState.NO_DATA);
  }

  @Test
  void record_placesEventsByTheirObservationTime() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    engine.record(reads(clock.instant().minus(Duration.ofMinutes(20)), 0, 5));

    SloStatus reads = evaluateOnly();

    assertThat(reads.sli()).isNull();
    assertThat(reads.burnRates()).doesNotContainKey(BurnWindow.M5).containsKey(BurnWindow.M30);
  }

  @Test
  void record_signalOlderThanTheWindowIsDroppedAndCounted() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    engine.record(reads(clock.instant().minus(Duration.ofDays(29)), 0, 5));

    SloStatus reads = evaluateOnly();

    assertThat(reads.state()).isEqualTo(SloState.NO_DATA);
    assertThat(engine.droppedSignals()).isEqualTo(1);
    assertThat(engine.status(ORDERS).orElseThrow().agent()).isEqualTo(AgentState.REPORTING);
  }

  @Test
  void evaluate_eventsLeaveTheWindowAsTimePasses() {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99)));
    engine.record(reads(clock.instant(), 0, 5));

    clock.advance(Duration.ofDays(28));
    assertThat(evaluateOnly().state()).isEqualTo(SloState.NO_DATA);
  }

  @Test
  void statuses_areSortedByProductId() {
    ProductId refunds = ProductId.parse("sales.refunds");
    ProductId ads = ProductId.parse("ads.clicks");
    engine.register(product(refunds));
    engine.register(product(ORDERS));
    engine.register(product(ads));

    List<ProductStatus> evaluated = engine.evaluate();

    assertThat(evaluated).extracting(ProductStatus::product).containsExactly(ads, ORDERS, refunds);
    assertThat(engine.statuses()).isEqualTo(evaluated);
  }

  @Test
  void record_concurrentWritersDuringEvaluationLoseNothing() throws Exception {
    engine.register(product(ORDERS, slo("reads", SliKind.AVAILABILITY, 99), slo("checks", SliKind.QUALITY, 99)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        tasks.add(() -> {
          for (int i = 0; i < 5_000; i++) {
            engine.record(reads(clock.instant(), 1, i % 4 == 0 ? 1 : 0));
            engine.record(quality(1, 0));
          }
          return null;
        });
      }
      tasks.add(() -> {
        for (int i = 0; i < 200; i++) {
          engine.evaluate();
        }
        return null;
      });
      for (Future<Void> done : pool.invokeAll(tasks)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }

    List<SloStatus> slos = engine.evaluate().get(0).slos();

    // Each writer: 5,000 good reads and 1,250 failed ones.
    assertThat(slos.get(0).compliance()).isEqualTo(15_000.0 / 18_750);
    assertThat(slos.get(1).compliance()).isEqualTo(1.0);
  }

  private SloStatus evaluateOnly() {
    return engine.evaluate().get(0).slos().get(0);
  }

  private Signal.QualityOutcome quality(long passed, long failed) {
    return new Signal.QualityOutcome(ORDERS, clock.instant(), "not-null", passed, failed, 0, 0);
  }

  private static Signal.UsageReads reads(Instant at, long succeeded, long failed) {
    return new Signal.UsageReads(ORDERS, at, "finance", succeeded, failed, Duration.ZERO);
  }
}
