package io.meshwatch.collector.journal;

import io.meshwatch.durable.Damage;
import io.meshwatch.durable.DurableLog;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.durable.Snapshot;
import io.meshwatch.durable.SnapshotWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The write-ahead log of acknowledged signals, on a {@link DurableLog}: each record is one batch (one
 * request's signals), an entry count and the entries as {@link SignalCodec} encodes them. The log
 * numbers records, not entries; a snapshot says which record its state includes. Safe for
 * concurrent appenders: a batch is encoded into a per-thread buffer, behind room for the log's record
 * header, before the log's lock.
 *
 * <pre>{@code
 * try (Journal journal = Journal.open(dataDir.resolve("journal"), LogOptions.DEFAULTS)) {
 *   long after = journal.latestSnapshot().map(...).orElse(0L);   // read the state first
 *   journal.replay(after, engine::apply);
 *   long sequence = journal.append(List.of(new JournalEntry(signal, clock.instant())));
 *   // acknowledge the request, then apply the signal
 * }
 * }</pre>
 */
public final class Journal implements Closeable {
  private static final int COUNT_BYTES = 4;
  private static final int PREFIX_BYTES = DurableLog.HEADER_BYTES + COUNT_BYTES;

  private final DurableLog log;
  private final ThreadLocal<RecordBuffer> buffers = ThreadLocal.withInitial(RecordBuffer::new);

  private Journal(DurableLog log) {
    this.log = log;
  }

  /**
   * Opens (creating if needed) the journal in {@code dir}; damage is skipped, counted in
   * {@link #damage()} and moved aside, never thrown.
   */
  public static Journal open(Path dir, LogOptions options) throws IOException {
    return new Journal(DurableLog.open(dir, options));
  }

  /**
   * Appends one batch with a single write and returns its record's sequence, once the bytes are in
   * the OS (and on the disk under {@code FsyncPolicy.ALWAYS}). An empty batch writes nothing and
   * returns {@link #lastSequence()}.
   *
   * @throws IOException when the batch is not (known to be) in the journal
   * @throws IllegalArgumentException when the batch encodes to more than 64 MiB
   */
  public long append(List<JournalEntry> entries) throws IOException {
    if (entries.isEmpty()) {
      return log.lastSequence();
    }
    RecordBuffer buffer = buffers.get();
    buffer.clear();
    buffer.skip(PREFIX_BYTES);
    for (JournalEntry entry : entries) {
      SignalCodec.encode(entry, buffer);
    }
    buffer.setInt(DurableLog.HEADER_BYTES, entries.size());
    return log.appendFramed(buffer.view());
  }

  /**
   * Feeds {@code consumer} every entry of the records after {@code afterSequence}, in order, and
   * returns the sequence of the last record. A record whose entries do not decode is skipped and
   * counted as damage, as the log does with records that fail their check.
   */
  public long replay(long afterSequence, Consumer<JournalEntry> consumer) throws IOException {
    List<JournalEntry> batch = new ArrayList<>();
    return log.replay(afterSequence, (sequence, payload) -> {
      batch.clear();
      decode(payload, batch);
      batch.forEach(consumer);
    });
  }

  /** The entries of one record's payload; throws on bytes that are not such a batch. */
  static void decode(ByteBuffer payload, List<JournalEntry> into) {
    int count = payload.getInt();
    if (count < 1) {
      throw new IllegalArgumentException("journal record of " + count + " entries");
    }
    try {
      for (int i = 0; i < count; i++) {
        into.add(SignalCodec.decode(payload));
      }
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("journal record ends inside entry " + (into.size() + 1) + " of " + count, e);
    }
    if (payload.hasRemaining()) {
      throw new IllegalArgumentException(payload.remaining() + " bytes left after the record's " + count + " entries");
    }
  }

  /** The newest snapshot that passed its check; read the state from it before {@link #replay}. */
  public Optional<Snapshot> latestSnapshot() throws IOException {
    return log.latestSnapshot();
  }

  /**
   * Snapshots the state as of record {@code sequence}, keeping the previous snapshot and the journal
   * since it; see {@link DurableLog#snapshot}.
   */
  public void snapshot(long sequence, SnapshotWriter writer) throws IOException {
    log.snapshot(sequence, writer);
  }

  /** The sequence of the last record, 0 for an empty journal. */
  public long lastSequence() {
    return log.lastSequence();
  }

  /** Puts every appended record on the disk now, whatever the policy. */
  public void sync() throws IOException {
    log.sync();
  }

  /** The damage found since the journal opened. */
  public Damage damage() {
    return log.damage();
  }

  @Override
  public void close() throws IOException {
    log.close();
  }
}
