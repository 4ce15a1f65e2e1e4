package io.meshwatch.collector.persist;

import io.meshwatch.model.Signal;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

/** What {@link DurableSignals} keeps durable: state that signals change, and that can be written and read back whole. */
public interface RecoverableState {

  /** Applies a signal the collector received at {@code receivedAt} (live, or replayed from the journal). */
  void apply(Signal signal, Instant receivedAt);

  /** Writes the whole state; no {@link #apply} runs meanwhile. */
  void write(DataOutput out) throws IOException;

  /** Replaces the state with one written by {@link #write}; called once, before any {@link #apply}. */
  void read(DataInput in) throws IOException;
}
