package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.Products.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values no boundary should let through, fed to the engine directly: whatever a signal holds, the
 * engine counts it or drops it (counted), never fails an evaluation, a history or a snapshot, and the
 * products beside it evaluate exactly as if it had never been sent.
 */
class SloEngineExtremeValuesTest {

  static final Instant FAR_PAST = Instant.parse("-999999999-01-01T00:00:00Z");
  private static final ProductId ODD = ProductId.parse("sales.odd");
  private static final ProductId LEDGER = ProductId.parse("finance.ledger");
  private static final Instant START = Instant.parse("2024-03-10T12:00:30Z");
  private static final Duration SILENCE = Duration.ofMinutes(5);
  private static final List<Instant> TIMES = List.of(FAR_PAST, Instant.MIN, Instant.EPOCH, Instant.MAX,
      Instant.ofEpochMilli(Long.MIN_VALUE), Instant.ofEpochMilli(Long.MAX_VALUE));

  /** Every kind of SLO, declared and learned thresholds. */
  static DataProduct everyKind(ProductId id) {
    SloWindow week = SloWindow.rolling(Duration.ofDays(7));
    return product(id,
        Products.spec("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(30)), 99, week),
        Products.spec("fresh-learned", SliKind.FRESHNESS, null, 99, week),
        Products.spec("checks", SliKind.QUALITY, null, 99, week),
        Products.spec("reads", SliKind.AVAILABILITY, null, 99, week),
        Products.spec("runs", SliKind.RUN_SUCCESS, null, 99, week),
        Products.spec("volume", SliKind.VOLUME, new Threshold.RowBand(10, 1000), 99, week),
        Products.spec("volume-learned", SliKind.VOLUME, null, 99, week));
  }

  /** Every signal with every extreme time and count it can hold. */
  static List<Signal> extremeSignals(ProductId id, Instant now) {
    List<Signal> signals = new ArrayList<>();
    for (Instant time : TIMES) {
      signals.add(new Signal.FreshnessUpdate(id, now, time));
      signals.add(new Signal.FreshnessUpdate(id, time, time));
      signals.add(new Signal.Heartbeat(id, time));
      signals.add(new Signal.QualityOutcome(id, time, "c", 1, 1, 1, 1));
      signals.add(new Signal.UsageReads(id, time, "x", 1, 1, Duration.ofSeconds(1)));
      signals.add(new Signal.RunsCompleted(id, time, 1, 1, Duration.ofSeconds(1)));
      signals.add(new Signal.VolumeWritten(id, time, 1, 100));
    }
    signals.add(new Signal.QualityOutcome(id, now, "c", Long.MAX_VALUE, 0, Long.MAX_VALUE, 0));
    signals.add(new Signal.QualityOutcome(id, now, "c", Long.MAX_VALUE - 1, Long.MAX_VALUE - 1, 0, 0));
    signals.add(new Signal.UsageReads(id, now, "x", Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
    signals.add(new Signal.RunsCompleted(id, now, Long.MAX_VALUE, 0, Duration.ofSeconds(Long.MAX_VALUE)));
    signals.add(new Signal.VolumeWritten(id, now, Long.MAX_VALUE, Double.MAX_VALUE));
    signals.add(new Signal.VolumeWritten(id, now, 1, Double.MAX_VALUE));
    signals.add(new Signal.VolumeWritten(id, now, 1, Double.MIN_VALUE));
    return signals;
  }

  @Test
  void record_extremeValues_areTakenHarmlessly_andTheProductBesideThemEvaluatesAsIfAlone() throws IOException {
    TestClock clock = new TestClock(START);
    SloEngine engine = engine(clock, ODD, LEDGER);
    TestClock aloneClock = new TestClock(START);
    SloEngine alone = engine(aloneClock, LEDGER);

    for (int minute = 0; minute < 36 * 60; minute += 11) {
      if (minute % 60 == 0) {
        extremeSignals(ODD, clock.instant()).forEach(engine::record);
      }
      for (SloEngine each : List.of(engine, alone)) {
        each.record(new Signal.FreshnessUpdate(LEDGER, clock.instant(), clock.instant().minusSeconds(90)));
        each.record(new Signal.QualityOutcome(LEDGER, clock.instant(), "balanced", minute % 5 == 0 ? 0 : 1, 1, 10, 1));
      }
      clock.advance(Duration.ofMinutes(11));
      aloneClock.advance(Duration.ofMinutes(11));
      List<ProductStatus> statuses = engine.evaluate();
      assertThat(statuses).filteredOn(ProductStatus::failed).isEmpty();
      assertThat(status(statuses, LEDGER)).isEqualTo(status(alone.evaluate(), LEDGER));
    }

    ProductStatus odd = status(engine.evaluate(), ODD);
    assertThat(odd.slos()).noneMatch(slo -> slo.state() == SloState.ERROR);
    assertThat(engine.faults()).allSatisfy(f -> assertThat(f.failedEvaluations()).isZero());
    for (String slo : List.of("fresh", "checks", "reads", "volume")) {
      assertThat(engine.history(ODD, slo, Duration.ofHours(1))).isPresent();
    }
    SloEngine restored = engine(clock, ODD, LEDGER);
    restored.readState(roundTrip(engine));
    assertThat(restored.evaluate()).isEqualTo(engine.evaluate());
  }

  @Test
  void record_atAReceiptTimeTheArithmeticCannotTake_isDroppedAndCounted_neverThrown() {
    TestClock clock = new TestClock(START);
    SloEngine engine = engine(clock, ODD, LEDGER);

    for (Instant receivedAt : TIMES) {
      for (Signal signal : extremeSignals(ODD, START)) {
        engine.record(signal, receivedAt);
      }
    }
    engine.record(new Signal.QualityOutcome(LEDGER, START, "balanced", 1, 0, 0, 0));

    assertThat(engine.faults()).filteredOn(f -> f.product().equals(ODD)).singleElement()
        .satisfies(f -> assertThat(f.droppedSignals()).isPositive());
    List<ProductStatus> statuses = engine.evaluate();
    assertThat(status(statuses, LEDGER).failed()).isFalse();
    assertThat(status(statuses, LEDGER).slos()).filteredOn(slo -> slo.slo().equals("checks")).singleElement()
        .satisfies(slo -> assertThat(slo.totalEvents()).isEqualTo(1));
  }

  @Test
  void record_aDataTimeABillionYearsOld_isTakenAsOldAsTheEngineTells_andJudgedStale() {
    TestClock clock = new TestClock(START);
    SloEngine engine = engine(clock, ODD);

    engine.record(new Signal.FreshnessUpdate(ODD, START, FAR_PAST));
    clock.advance(Duration.ofMinutes(30));
    ProductStatus odd = engine.evaluate().get(0);

    assertThat(odd.failed()).isFalse();
    assertThat(odd.dataTime()).isEqualTo(START.minus(ProductTrack.OLDEST_DATA_AGE));
    assertThat(odd.dataAge()).isEqualTo(ProductTrack.OLDEST_DATA_AGE.plusMinutes(30));
    assertThat(odd.slos()).filteredOn(slo -> slo.slo().equals("fresh")).singleElement().satisfies(fresh -> {
      assertThat(fresh.goodEvents()).isZero();
      assertThat(fresh.totalEvents()).isPositive();
    });
  }

  private static SloEngine engine(TestClock clock, ProductId... products) {
    SloEngine engine = new SloEngine(clock, SILENCE);
    for (ProductId id : products) {
      engine.register(everyKind(id));
    }
    return engine;
  }

  private static DataInputStream roundTrip(SloEngine engine) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    engine.writeState(new DataOutputStream(bytes));
    return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static ProductStatus status(List<ProductStatus> statuses, ProductId product) {
    return statuses.stream().filter(s -> s.product().equals(product)).findFirst().orElseThrow();
  }
}
