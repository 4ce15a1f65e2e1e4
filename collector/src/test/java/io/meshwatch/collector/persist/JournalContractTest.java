package io.meshwatch.collector.persist;

import io.meshwatch.collector.TestClock;
import io.meshwatch.durable.Damage;
import io.meshwatch.durable.DurableLogContract;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The collector's journal passes the log's contract: a record is one request of a quality outcome
 * whose rows checked are its id, journaled through {@link DurableSignals}, and a checkpoint is its
 * snapshot. Closing is what a {@code kill -9} leaves (no closing snapshot), so records come after the
 * newest snapshot.
 */
class JournalContractTest extends DurableLogContract {
  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @Override
  protected Subject open(Path dir) throws Exception {
    DurableSignalsTest.RecordingState state = new DurableSignalsTest.RecordingState();
    TestClock clock = new TestClock(T0);
    DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS.withSegmentBytes(SEGMENT_BYTES), state, clock);
    List<Integer> recovered = ids(state);
    return new Subject() {
      @Override
      public void append(int id) throws Exception {
        signals.accept(List.of(new Signal.QualityOutcome(ORDERS, T0.plusSeconds(id), "not_null", 1, 0, id, 0)));
      }

      @Override
      public void checkpoint() throws Exception {
        signals.snapshot();
      }

      @Override
      public List<Integer> recovered() {
        return recovered;
      }

      @Override
      public Damage damage() {
        return signals.damage();
      }

      @Override
      public void close() throws Exception {
        signals.abandon();
      }
    };
  }

  /** The ids the state holds; a snapshot keeps only times, so the id is the observation's second. */
  private static List<Integer> ids(DurableSignalsTest.RecordingState state) {
    return state.applied.stream().map(a -> (int) (a.signal().observedAt().getEpochSecond() - T0.getEpochSecond())).toList();
  }
}
