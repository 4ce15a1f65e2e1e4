package io.meshwatch.collector.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.collector.slo.FaultCounts;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine behind the journal: a journaled signal it cannot apply is counted and skipped, live and on replay. */
class EngineStateTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final ProductId LEDGER = ProductId.parse("finance.ledger");
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir
  Path dir;

  @Test
  void apply_aJournaledSignalTheEngineCannotTake_isCountedAndSkipped_andTheReplayGoesOn() throws IOException {
    TestClock clock = new TestClock(T0);
    SloEngine engine = engine(clock);
    // Left open, as a killed collector leaves it: the restart replays the journal.
    DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS, new EngineState(engine), clock);
    signals.accept(List.of(check(LEDGER)));
    clock.set(Instant.MAX); // a broken clock: journaled as it is, but no time to count anything at
    signals.accept(List.of(check(ORDERS)));
    clock.set(T0.plusSeconds(60));
    signals.accept(List.of(check(LEDGER)));

    TestClock restartClock = new TestClock(T0.plusSeconds(120));
    SloEngine restarted = engine(restartClock);
    DurableSignals reopened = DurableSignals.open(dir, LogOptions.DEFAULTS, new EngineState(restarted), restartClock);

    assertThat(reopened.recovery().replayed()).isEqualTo(3);
    for (SloEngine each : List.of(engine, restarted)) {
      assertThat(each.faults()).containsExactly(new FaultCounts(LEDGER, 0, 0, 0), new FaultCounts(ORDERS, 0, 1, 0));
    }
    List<ProductStatus> statuses = restarted.evaluate();
    assertThat(statuses).noneMatch(ProductStatus::failed);
    assertThat(statuses.get(0).slos().get(0).totalEvents()).isEqualTo(2);
    assertThat(statuses.get(1).lastSeen()).as("the bad receipt time is nobody's last contact").isNull();
    reopened.close();
  }

  private static SloEngine engine(TestClock clock) {
    SloEngine engine = new SloEngine(clock, Duration.ofMinutes(10));
    SloWindow week = SloWindow.rolling(Duration.ofDays(7));
    for (ProductId id : List.of(ORDERS, LEDGER)) {
      engine.register(new DataProduct(id, "team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(
          new SloSpec("checks", SliKind.QUALITY, null, 99, week, List.of(), SloSpec.defaultConditions(week), Duration.ZERO))));
    }
    return engine;
  }

  private static Signal check(ProductId product) {
    return new Signal.QualityOutcome(product, T0, "not_null", 1, 0, 0, 0);
  }
}
