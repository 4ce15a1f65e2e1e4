package io.meshwatch.collector.persist;

import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.model.Signal;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

/** The SLO engine as the state {@link DurableSignals} keeps: signals applied at their receipt time. */
public final class EngineState implements RecoverableState {

  private final SloEngine engine;

  public EngineState(SloEngine engine) {
    this.engine = engine;
  }

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
    engine.readState(in);
  }
}
