package io.meshwatch.alerting.outbox;

import io.meshwatch.durable.Damage;
import io.meshwatch.durable.DurableLog;
import io.meshwatch.durable.FsyncPolicy;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.durable.Snapshot;
import java.io.Closeable;
import java.io.DataInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The outbox's records on durable's log: one {@link LogRecord} a record. A compaction is a snapshot
 * of the records still live (pending, and finished within the retention), after which the log keeps
 * only what the snapshot before it needs. Not thread-safe: the outbox calls it under its lock.
 */
final class OutboxLog implements Closeable {
  private final DurableLog log;
  private final long compactionBytes;
  private final Damage formatOneDamage;

  private OutboxLog(DurableLog log, long compactionBytes, Damage formatOneDamage) {
    this.log = log;
    this.compactionBytes = compactionBytes;
    this.formatOneDamage = formatOneDamage;
  }

  /**
   * Opens (or creates) the log in {@code dir} and hands every record it holds to {@code replay}, in
   * order: the newest good snapshot's, then those after it. An outbox log of data dir format 1 in
   * {@code dir} is migrated: replayed, its live records written as the first snapshot, then deleted.
   */
  static OutboxLog open(Path dir, boolean fsync, long compactionBytes, Consumer<LogRecord> replay,
      Supplier<List<LogRecord>> live) throws IOException {
    LogOptions options = LogOptions.DEFAULTS.withFsync(fsync ? FsyncPolicy.ALWAYS : FsyncPolicy.NONE)
        .withSegmentBytes(Math.max(1024, compactionBytes / 4));
    DurableLog log = DurableLog.open(dir, options);
    try {
      Path formatOne = dir.resolve(LegacyOutboxLog.FILE);
      Damage migrated = Damage.NONE;
      Optional<Snapshot> latest = log.latestSnapshot();
      if (Files.exists(formatOne) && latest.isEmpty() && log.lastSequence() == 0) {
        migrated = LegacyOutboxLog.read(formatOne, replay);
        OutboxLog outbox = new OutboxLog(log, compactionBytes, migrated);
        outbox.compact(live.get());
        Files.delete(formatOne);
        return outbox;
      }
      Files.deleteIfExists(formatOne); // a migration that crashed after its snapshot
      long after = 0;
      if (latest.isPresent()) {
        try (Snapshot snapshot = latest.get()) {
          readSnapshot(snapshot.data(), replay);
          after = snapshot.sequence();
        }
      }
      log.replay(after, (sequence, payload) -> replay.accept(LogRecord.decode(bytes(payload))));
      return new OutboxLog(log, compactionBytes, migrated);
    } catch (IOException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  private static void readSnapshot(DataInput in, Consumer<LogRecord> replay) throws IOException {
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      byte[] body = new byte[in.readInt()];
      in.readFully(body);
      replay.accept(LogRecord.decode(body));
    }
  }

  /** Appends {@code record}; written to the OS (and forced when configured) before this returns. */
  void append(LogRecord record) throws IOException {
    log.append(ByteBuffer.wrap(LogRecord.encode(record)));
  }

  boolean compactionDue() {
    return log.bytesSinceSnapshot() > compactionBytes;
  }

  /** Snapshots the {@code live} records: the log before the previous snapshot is no longer needed. */
  void compact(List<LogRecord> live) throws IOException {
    log.snapshot(log.lastSequence(), out -> {
      out.writeInt(live.size());
      for (LogRecord record : live) {
        byte[] body = LogRecord.encode(record);
        out.writeInt(body.length);
        out.write(body);
      }
    });
  }

  /** Bytes appended since the last compaction. */
  long size() {
    return log.bytesSinceSnapshot();
  }

  /** The damage met when the log opened (and in a migrated format-1 log). */
  Damage damage() {
    return log.damage().plus(formatOneDamage);
  }

  @Override
  public void close() throws IOException {
    log.close();
  }

  private static byte[] bytes(ByteBuffer payload) {
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    return bytes;
  }
}
