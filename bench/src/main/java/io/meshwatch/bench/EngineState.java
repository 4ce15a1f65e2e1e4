package io.meshwatch.bench;

import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.collector.store.MemorySliStore;
import io.meshwatch.model.DataProduct;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.InstantSource;
import java.util.List;

/**
 * What the restart benchmark's snapshot holds, in one place. Today that is the SLI store's snapshot
 * ({@link MemorySliStore#writeSnapshot}): the counts, not the engine's own state (last seen, data
 * time, freshness cursors), so a restored engine sees every agent as never seen until it reports.
 * When {@code SloEngine.writeState/readState} exist, each method's marked line becomes the engine's
 * call and nothing else changes.
 */
final class EngineState {

  private EngineState() {}

  static void write(SloEngine engine, MemorySliStore store, DataOutput out) throws IOException {
    store.writeSnapshot(out); // then: engine.writeState(out);
  }

  /** An engine with {@code products} registered and the state {@link #write} wrote. */
  static SloEngine read(DataInput in, InstantSource clock, List<DataProduct> products) throws IOException {
    SloEngine engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT, MemorySliStore.readSnapshot(in)); // then: new SloEngine(clock, SloFleet.SILENCE_TIMEOUT);
    products.forEach(engine::register);
    // then: engine.readState(in);
    return engine;
  }
}
