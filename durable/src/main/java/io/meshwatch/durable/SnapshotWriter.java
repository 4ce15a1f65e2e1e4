package io.meshwatch.durable;

import java.io.DataOutput;
import java.io.IOException;

/** Writes the state a snapshot holds; see {@link DurableLog#snapshot}. */
@FunctionalInterface
public interface SnapshotWriter {
  /** Writes the whole state to {@code out}, which is buffered and checksummed by the caller. */
  void write(DataOutput out) throws IOException;
}
