package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.Products.product;
import static io.meshwatch.collector.slo.Products.slo;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Severity;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One product's fault in the engine never stops another's evaluation, nor its own other SLOs. */
class SloEngineIsolationTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final ProductId LEDGER = ProductId.parse("finance.ledger");

  private final TestClock clock = new TestClock(Instant.parse("2024-03-10T12:00:30Z"));
  private final FaultySliStore store = new FaultySliStore();
  private final SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5), store);

  @BeforeEach
  void register() {
    engine.register(product(ORDERS, slo("checks", SliKind.QUALITY, 99), slo("reads", SliKind.AVAILABILITY, 99),
        slo("checks-strict", SliKind.QUALITY, 99.9)));
    engine.register(product(LEDGER, slo("checks", SliKind.QUALITY, 99)));
  }

  @Test
  void evaluate_anSloThatFails_isInStateErrorWhileItsSiblingsAndOtherProductsEvaluate() {
    report(ORDERS, 5, 5);
    report(LEDGER, 1, 9);
    store.breakSeries(ORDERS, "checks");

    List<ProductStatus> statuses = engine.evaluate();

    ProductStatus orders = status(statuses, ORDERS);
    assertThat(sloOf(orders, "checks").state()).isEqualTo(SloState.ERROR);
    assertThat(sloOf(orders, "checks").compliance()).isNull();
    assertThat(sloOf(orders, "checks").totalEvents()).isZero();
    assertThat(sloOf(orders, "checks").burnAlerts()).isNotEmpty().noneMatch(alert -> sloOf(orders, "checks").holds(alert));
    assertThat(sloOf(orders, "reads").state()).isEqualTo(SloState.HEALTHY);
    assertThat(sloOf(orders, "reads").totalEvents()).isEqualTo(10);
    assertThat(orders.failed()).isTrue();
    assertThat(orders.error()).contains("SLO checks", "broken on purpose");
    ProductStatus ledger = status(statuses, LEDGER);
    assertThat(ledger.failed()).isFalse();
    assertThat(sloOf(ledger, "checks").state()).isEqualTo(SloState.BREACHING);
    assertThat(sloOf(ledger, "checks").burning(Severity.PAGE)).isTrue();
  }

  @Test
  void evaluate_failuresAreCountedPerProductAndTheErrorClearsOnceItEvaluates() {
    report(ORDERS, 5, 0);
    store.breakSeries(ORDERS, "checks");
    engine.evaluate();
    engine.evaluate();

    assertThat(faults(ORDERS).failedEvaluations()).isEqualTo(2);
    assertThat(faults(LEDGER).failedEvaluations()).isZero();

    store.repair(ORDERS, "checks");
    ProductStatus orders = status(engine.evaluate(), ORDERS);

    assertThat(orders.failed()).isFalse();
    assertThat(sloOf(orders, "checks").state()).isEqualTo(SloState.HEALTHY);
    assertThat(sloOf(orders, "checks").totalEvents()).isEqualTo(5);
    assertThat(faults(ORDERS).failedEvaluations()).isEqualTo(2);
    assertThat(engine.status(ORDERS)).contains(orders);
  }

  @Test
  void record_aSignalThatCannotBeCounted_isDroppedAndCountedForItsProductOnly() {
    store.breakSeries(ORDERS, "checks");

    report(ORDERS, 1, 0);
    report(LEDGER, 1, 0);

    assertThat(faults(ORDERS).droppedSignals()).isEqualTo(1);
    assertThat(faults(LEDGER).droppedSignals()).isZero();
    store.repair(ORDERS, "checks");
    List<ProductStatus> statuses = engine.evaluate();
    assertThat(sloOf(status(statuses, LEDGER), "checks").totalEvents()).isEqualTo(1);
    // Only the failing SLO missed the signal: the one declared after it counted it.
    assertThat(sloOf(status(statuses, ORDERS), "checks").totalEvents()).isZero();
    assertThat(sloOf(status(statuses, ORDERS), "checks-strict").totalEvents()).isEqualTo(1);
    assertThat(status(statuses, ORDERS).lastSeen()).isEqualTo(clock.instant());
  }

  @Test
  void faults_listEveryRegisteredProductAtZeroUntilSomethingGoesWrong() {
    assertThat(engine.faults()).containsExactly(
        new FaultCounts(LEDGER, 0, 0, 0), new FaultCounts(ORDERS, 0, 0, 0));

    engine.remove(LEDGER);

    assertThat(engine.faults()).extracting(FaultCounts::product).containsExactly(ORDERS);
  }

  private void report(ProductId product, long passed, long failed) {
    engine.record(new Signal.QualityOutcome(product, clock.instant(), "not_null", passed, failed, 0, 0));
    engine.record(new Signal.UsageReads(product, clock.instant(), "finance", passed + failed, 0, Duration.ZERO));
  }

  private FaultCounts faults(ProductId product) {
    return engine.faults().stream().filter(f -> f.product().equals(product)).findFirst().orElseThrow();
  }

  private static ProductStatus status(List<ProductStatus> statuses, ProductId product) {
    return statuses.stream().filter(s -> s.product().equals(product)).findFirst().orElseThrow();
  }

  private static SloStatus sloOf(ProductStatus status, String name) {
    return status.slos().stream().filter(s -> s.slo().equals(name)).findFirst().orElseThrow();
  }
}
