package io.meshwatch.collector.slo;

import io.meshwatch.collector.TestClock;
import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.freshness;
import static io.meshwatch.collector.slo.Products.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.AgentState;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Freshness is time-based: each whole minute is one event at its end, classified at evaluation. */
class SloEngineFreshnessTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final TestClock clock = new TestClock(Instant.parse("2024-03-10T12:00:00Z"));
  private final SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5));

  @Test
  void evaluate_neverSeenProductHasNoFreshnessData() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 99)));

    clock.advance(Duration.ofMinutes(30));
    ProductStatus status = engine.evaluate().get(0);

    assertThat(status.agent()).isEqualTo(AgentState.NEVER_SEEN);
    assertThat(status.slos().get(0).state()).isEqualTo(SloState.NO_DATA);
  }

  @Test
  void evaluate_freshUpdatesKeepFreshnessHealthy() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 99)));

    for (int i = 0; i < 60; i++) {
      engine.record(fresh(clock.instant()));
      clock.advance(MINUTE);
      engine.evaluate();
    }
    SloStatus fresh = evaluateOnly();

    assertThat(fresh.state()).isEqualTo(SloState.HEALTHY);
    assertThat(fresh.compliance()).isEqualTo(1.0);
    assertThat(fresh.sli()).isEqualTo(1.0);
    assertThat(fresh.errorBudgetRemaining()).isEqualTo(1.0);
    assertThat(fresh.burnRates()).containsEntry(BurnWindow.H1, 0.0);
    assertThat(engine.status(ORDERS).orElseThrow().dataAge()).isEqualTo(MINUTE);
  }

  @Test
  void evaluate_staleDataBreachesFreshnessOnceOlderThanTheThreshold() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 99)));
    engine.record(fresh(clock.instant()));

    SloStatus atThreshold = keepReportingFor(Duration.ofMinutes(10).plusSeconds(30));
    assertThat(atThreshold.state()).isEqualTo(SloState.HEALTHY);
    assertThat(atThreshold.compliance()).isEqualTo(1.0);

    SloStatus past = keepReportingFor(MINUTE);
    // Minutes ending 12:01..12:10 are fresh, the one ending 12:11 is 11 minutes old.
    assertThat(past.state()).isEqualTo(SloState.BREACHING);
    assertThat(past.compliance()).isEqualTo(10.0 / 11);
    assertThat(past.sli()).isEqualTo(4.0 / 5);
    ProductStatus product = engine.status(ORDERS).orElseThrow();
    assertThat(product.agent()).isEqualTo(AgentState.REPORTING);
    assertThat(product.dataAge()).isEqualTo(Duration.ofMinutes(11).plusSeconds(30));
  }

  @Test
  void evaluate_silentAgentFreezesFreshness() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 99)));
    engine.record(fresh(clock.instant()));

    for (int i = 0; i < 120; i++) {
      clock.advance(MINUTE);
      engine.evaluate();
    }
    ProductStatus status = engine.status(ORDERS).orElseThrow();
    SloStatus fresh = status.slos().get(0);

    // Minutes ending 12:01..12:05 counted (fresh); afterwards the agent is silent: nothing counted,
    // though the data is two hours old, and the budget stands where it stood.
    assertThat(status.agent()).isEqualTo(AgentState.SILENT);
    assertThat(status.dataAge()).isEqualTo(Duration.ofHours(2));
    assertThat(fresh.state()).isEqualTo(SloState.NO_DATA);
    assertThat(fresh.compliance()).isEqualTo(1.0);
    assertThat(fresh.totalEvents()).isEqualTo(5);
    assertThat(fresh.errorBudgetRemaining()).isEqualTo(1.0);
    assertThat(fresh.burnRates()).containsOnlyKeys(BurnWindow.H2, BurnWindow.H6, BurnWindow.D1, BurnWindow.D3);
    assertThat(fresh.sli()).isNull();
  }

  @Test
  void evaluate_silenceJudgedPerMinuteEvenWhenEvaluatedRarely() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(3), 50)));
    engine.record(fresh(clock.instant()));

    clock.advance(Duration.ofHours(1));
    SloStatus fresh = evaluateOnly();

    // One evaluation an hour later still counts only 12:01..12:05: three fresh, two stale.
    assertThat(fresh.compliance()).isEqualTo(3.0 / 5);
  }

  @Test
  void evaluate_agentComingBackResumesCounting() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 99)));
    engine.record(fresh(clock.instant()));
    for (int i = 0; i < 60; i++) {
      clock.advance(MINUTE);
      engine.evaluate();
    }

    engine.record(new Signal.Heartbeat(ORDERS, clock.instant()));
    SloStatus fresh = keepReportingFor(Duration.ofMinutes(2));

    // 5 fresh minutes before the silence, then 2 stale ones after the agent came back.
    assertThat(fresh.compliance()).isEqualTo(5.0 / 7);
    assertThat(engine.status(ORDERS).orElseThrow().agent()).isEqualTo(AgentState.REPORTING);
  }

  @Test
  void evaluate_minutesBeforeTheFirstDataTimeAreNotCounted() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(65), 50)));
    keepReportingFor(Duration.ofMinutes(10));

    // Data of 11:00 would have been fresh until 12:05, had it been known then.
    engine.record(fresh(Instant.parse("2024-03-10T11:00:00Z")));
    SloStatus fresh = keepReportingFor(Duration.ofMinutes(10));

    assertThat(fresh.compliance()).isEqualTo(0.0);
    assertThat(fresh.state()).isEqualTo(SloState.BREACHING);
  }

  @Test
  void evaluate_afterALongSilenceCountsOnlyTheMinutesSinceTheAgentCameBack() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 99)));
    engine.record(fresh(clock.instant()));

    clock.advance(Duration.ofDays(400));
    engine.record(fresh(clock.instant()));
    SloStatus fresh = keepReportingFor(Duration.ofMinutes(10));

    // The 400 silent days count nothing (they are classified before the update that ends them).
    assertThat(fresh.compliance()).isEqualTo(1.0);
    assertThat(fresh.totalEvents()).isEqualTo(10);
    assertThat(fresh.burnRates()).containsEntry(BurnWindow.D3, 0.0);
  }

  @Test
  void evaluate_countsDoNotDependOnHowOftenItRuns() {
    SloEngine rarely = new SloEngine(clock, Duration.ofMinutes(5));
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 50)));
    rarely.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 50)));
    // Updates at irregular times, silences longer than the timeout, data older than the threshold.
    int[] gaps = {3, 14, 1, 22, 7, 45, 2, 9};
    for (int i = 0; i < gaps.length; i++) {
      Signal update = i % 3 == 2
          ? new Signal.Heartbeat(ORDERS, clock.instant())
          : fresh(clock.instant().minus(Duration.ofMinutes(i)));
      engine.record(update);
      rarely.record(update);
      for (int m = 0; m < gaps[i]; m++) {
        clock.advance(Duration.ofSeconds(50));
        engine.evaluate();
      }
    }
    SloStatus often = evaluateOnly();
    SloStatus once = rarely.evaluate().get(0).slos().get(0);

    assertThat(often.totalEvents()).isPositive();
    assertThat(once.goodEvents()).isEqualTo(often.goodEvents());
    assertThat(once.totalEvents()).isEqualTo(often.totalEvents());
  }

  @Test
  void record_replayAtReceiptTimesReachesTheSameState() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 50)));
    TestClock replayClock = new TestClock(clock.instant());
    SloEngine replayed = new SloEngine(replayClock, Duration.ofMinutes(5));
    replayed.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 50)));
    List<Signal> signals = new ArrayList<>();
    List<Instant> received = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofMinutes(i * 4L + 1));
      Signal signal = fresh(clock.instant().minus(Duration.ofMinutes(i)));
      engine.record(signal);
      engine.evaluate();
      signals.add(signal);
      received.add(clock.instant());
    }

    // The replaying engine's clock is already at the end: only the receipt times place the signals.
    replayClock.set(clock.instant());
    for (int i = 0; i < signals.size(); i++) {
      replayed.record(signals.get(i), received.get(i));
    }
    SloStatus original = evaluateOnly();
    SloStatus replay = replayed.evaluate().get(0).slos().get(0);

    assertThat(replay.totalEvents()).isEqualTo(original.totalEvents()).isPositive();
    assertThat(replay.goodEvents()).isEqualTo(original.goodEvents());
    assertThat(replayed.status(ORDERS).orElseThrow().lastSeen()).isEqualTo(received.get(received.size() - 1));
  }

  @Test
  void evaluate_learnedThresholdCountsNothingWhileLearning() {
    engine.register(product(ORDERS, Products.spec("learned", SliKind.FRESHNESS, null, 99, SloWindow.rolling(Duration.ofDays(7))),
        Products.spec("rows", SliKind.VOLUME, null, 99, SloWindow.rolling(Duration.ofDays(7)))));
    engine.record(fresh(clock.instant()));
    engine.record(new Signal.VolumeWritten(ORDERS, clock.instant(), 1, 100));

    keepReportingFor(Duration.ofMinutes(10));
    List<SloStatus> slos = engine.evaluate().get(0).slos();

    assertThat(slos).extracting(SloStatus::state).containsOnly(SloState.INSUFFICIENT_HISTORY);
    assertThat(slos).extracting(SloStatus::totalEvents).containsOnly(0L);
    assertThat(slos).extracting(SloStatus::baseline).allSatisfy(baseline -> {
      assertThat(baseline).isNotNull();
      assertThat(baseline.ready()).isFalse();
    });
    assertThat(slos.get(0).baseline()).isInstanceOf(LearnedBaseline.FreshnessCadence.class)
        .extracting(LearnedBaseline::samples).isEqualTo(0);
    assertThat(slos.get(1).baseline()).isInstanceOf(LearnedBaseline.VolumeBand.class)
        .extracting(LearnedBaseline::samples).isEqualTo(1);
  }

  @Test
  void evaluate_learningSloOfASilentAgentHasNoData() {
    engine.register(product(ORDERS, Products.spec("learned", SliKind.FRESHNESS, null, 99, SloWindow.rolling(Duration.ofDays(7)))));
    engine.record(fresh(clock.instant()));

    clock.advance(Duration.ofMinutes(30));

    assertThat(evaluateOnly().state()).isEqualTo(SloState.NO_DATA);
  }

  @Test
  void record_dataTimeAheadOfTheClockCountsAsNow() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 99)));
    engine.record(fresh(clock.instant().plus(Duration.ofDays(365))));

    SloStatus fresh = keepReportingFor(Duration.ofMinutes(20));

    assertThat(engine.status(ORDERS).orElseThrow().dataTime()).isEqualTo(Instant.parse("2024-03-10T12:00:00Z"));
    assertThat(fresh.compliance()).isEqualTo(10.0 / 20);
  }

  @Test
  void record_olderDataTimeDoesNotMoveFreshnessBack() {
    engine.register(product(ORDERS, freshness("fresh", Duration.ofMinutes(10), 99)));
    engine.record(fresh(clock.instant()));
    engine.record(fresh(clock.instant().minus(Duration.ofHours(3))));

    assertThat(engine.evaluate().get(0).dataTime()).isEqualTo(clock.instant());
  }

  /** Heartbeats every minute for {@code duration}, evaluating after each; returns the last status. */
  private SloStatus keepReportingFor(Duration duration) {
    Instant until = clock.instant().plus(duration);
    while (clock.instant().isBefore(until)) {
      Duration step = Duration.between(clock.instant(), until);
      clock.advance(step.compareTo(MINUTE) < 0 ? step : MINUTE);
      engine.record(new Signal.Heartbeat(ORDERS, clock.instant()));
      engine.evaluate();
    }
    return evaluateOnly();
  }

  private SloStatus evaluateOnly() {
    return engine.evaluate().get(0).slos().get(0);
  }

  private static Signal.FreshnessUpdate fresh(Instant dataTime) {
    return new Signal.FreshnessUpdate(ORDERS, dataTime, dataTime);
  }
}
