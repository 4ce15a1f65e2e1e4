package io.meshwatch.collector.persist;

import io.meshwatch.collector.slo.RestoredState;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.model.Signal;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SLO engine as the state {@link DurableSignals} keeps: signals applied at their receipt time. */
public final class EngineState implements RecoverableState {

  private static final Logger LOG = LoggerFactory.getLogger(EngineState.class);

  private final SloEngine engine;

  public EngineState(SloEngine engine) {
    this.engine = engine;
  }

  /** Never throws: a signal the engine cannot count (live or replayed) is dropped and counted for its product. */
  @Override
  public void apply(Signal signal, Instant receivedAt) {
    engine.record(signal, receivedAt);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    engine.writeState(out);
  }

  @Override
  public void read(DataInput in) throws IOException {
    RestoredState restored = engine.readState(in);
    LOG.info("restored the state of {} products and {} SLOs", restored.products(), restored.slos());
    if (!restored.skippedProducts().isEmpty() || !restored.skippedSlos().isEmpty()) {
      LOG.warn("kept state of products {} and SLOs {} is not restored: they are no longer declared",
          restored.skippedProducts(), restored.skippedSlos());
    }
    if (!restored.failedProducts().isEmpty()) {
      LOG.warn("the saved state of products {} could not be read or applied: they start empty (their journaled"
          + " signals since the snapshot are still applied); see meshwatch_product_restore_failures_total",
          restored.failedProducts());
    }
  }
}
