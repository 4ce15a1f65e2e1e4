package io.meshwatch.collector.journal;

import java.io.DataOutput;
import java.io.IOException;

/** Writes the engine state into a snapshot; see {@link SnapshotFile#write}. */
@FunctionalInterface
public interface SnapshotWriter {
  /** Writes the whole state to {@code out}, which is buffered and checksummed by the caller. */
  void write(DataOutput out) throws IOException;
}
