package io.meshwatch.collector.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead log of acknowledged signals: append-only segment files in one directory, each
 * entry numbered by a sequence that keeps counting across restarts. An append returns once its
 * bytes are in the OS, which survives {@code kill -9} of the JVM; the {@link FsyncPolicy} decides
 * what survives a power loss. Safe for concurrent appenders.
 *
 * <pre>{@code
 * try (Journal journal = Journal.open(dataDir.resolve("journal"), JournalOptions.DEFAULTS)) {
 *   long restoredThrough = snapshot.map(Snapshot::journalSequence).orElse(0L);
 *   journal.replay(restoredThrough, engine::apply);
 *   long seq = journal.append(List.of(new JournalEntry(signal, clock.instant())));
 *   // acknowledge the request, then apply the signal
 * }
 * }</pre>
 *
 * <p>On open, a torn or garbled tail of the last segment is cut off with a warning; damage anywhere
 * else is reported as a {@link JournalCorruptException} when replay reaches it.
 */
public final class Journal implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
  private static final int BATCH_PREFIX_BYTES =
      SegmentFormat.RECORD_HEADER_BYTES + SegmentFormat.PAYLOAD_PREFIX_BYTES;

  private final Path dir;
  private final JournalOptions options;
  private final ThreadLocal<RecordBuffer> buffers = ThreadLocal.withInitial(RecordBuffer::new);
  private final Object writeLock = new Object();
  // Lock order: writeLock, then syncLock. The active segment changes only while both are held.
  private final Object syncLock = new Object();
  private final List<Long> segments; // first sequences, ascending; the last one is active
  private SegmentWriter active;
  private volatile long lastSequence;
  private long syncedSequence;
  private volatile boolean closed;
  private final @Nullable ScheduledExecutorService syncer;

  private Journal(Path dir, JournalOptions options, List<Long> segments, SegmentWriter active, long last) {
    this.dir = dir;
    this.options = options;
    this.segments = segments;
    this.active = active;
    this.lastSequence = last;
    this.syncedSequence = last;
    if (options.fsync() instanceof FsyncPolicy.Interval interval) {
      syncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meshwatch-journal-fsync");
        thread.setDaemon(true);
        return thread;
      });
      long nanos = interval.every().toNanos();
      syncer.scheduleWithFixedDelay(this::backgroundSync, nanos, nanos, TimeUnit.NANOSECONDS);
    } else {
      syncer = null;
    }
  }

  /** Opens the journal in {@code dir} with the default options. */
  public static Journal open(Path dir) throws IOException {
    return open(dir, JournalOptions.DEFAULTS);
  }

  /**
   * Opens (creating if needed) the journal in {@code dir}, recovering the last sequence number from
   * its files and cutting off a torn tail of the last segment.
   *
   * @throws JournalCorruptException when the last segment is not a journal segment or its records
   *     are out of sequence
   */
  public static Journal open(Path dir, JournalOptions options) throws IOException {
    Files.createDirectories(dir);
    List<Long> segments = new ArrayList<>(SegmentFormat.list(dir));
    if (segments.isEmpty()) {
      SegmentWriter first = SegmentWriter.create(dir, 1);
      first.force();
      DirectoryFsync.force(dir);
      segments.add(1L);
      return new Journal(dir, options, segments, first, 0);
    }
    long base = segments.get(segments.size() - 1);
    Path file = dir.resolve(SegmentFormat.fileName(base));
    TailRecovery.Tail tail = TailRecovery.recover(file, base);
    SegmentWriter active = SegmentWriter.resume(file, base, tail.validBytes());
    return new Journal(dir, options, segments, active, tail.lastSequence());
  }

  /**
   * Appends one batch (typically one request's signals) with a single write and returns the
   * sequence number of its last entry, after the bytes are in the OS (and on the disk under
   * {@link FsyncPolicy#ALWAYS}). A batch is all or nothing: a crash during the write loses the whole
   * batch, which was then never acknowledged. An empty batch writes nothing and returns
   * {@link #lastSequence()}.
   *
   * @throws IOException when the bytes could not be written (the batch is not in the journal), or
   *     under {@link FsyncPolicy#ALWAYS} when the flush failed (the batch may be in the journal but
   *     is not known to be on the disk; a client that retries may be journaled twice)
   * @throws IllegalArgumentException when the batch encodes to more than 64 MiB
   */
  public long append(List<JournalEntry> entries) throws IOException {
    if (entries.isEmpty()) {
      return lastSequence;
    }
    RecordBuffer buffer = buffers.get();
    buffer.clear();
    buffer.skip(BATCH_PREFIX_BYTES);
    for (JournalEntry entry : entries) {
      SignalCodec.encode(entry, buffer);
    }
    int payloadBytes = buffer.size() - SegmentFormat.RECORD_HEADER_BYTES;
    if (payloadBytes > SegmentFormat.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("batch of " + entries.size() + " entries encodes to "
          + payloadBytes + " bytes, more than the journal's record limit of "
          + SegmentFormat.MAX_PAYLOAD_BYTES);
    }
    buffer.setInt(0, payloadBytes);
    buffer.setInt(SegmentFormat.RECORD_HEADER_BYTES + 8, entries.size());
    long last;
    synchronized (writeLock) {
      if (closed) {
        throw new IOException("journal " + dir + " is closed");
      }
      long first = lastSequence + 1;
      buffer.setLong(SegmentFormat.RECORD_HEADER_BYTES, first);
      buffer.setInt(4, buffer.crc32c(SegmentFormat.RECORD_HEADER_BYTES, payloadBytes));
      if (active.size() > SegmentFormat.HEADER_BYTES
          && active.size() + buffer.size() > options.segmentBytes()) {
        rotate(first);
      }
      active.write(buffer.view());
      last = first + entries.size() - 1;
      lastSequence = last;
    }
    if (options.fsync() instanceof FsyncPolicy.Always) {
      syncThrough(last);
    }
    return last;
  }

  private void rotate(long firstSequence) throws IOException {
    // Whatever the policy: later flushes (sync(), ALWAYS, INTERVAL) only reach the active segment,
    // and one flush per segment costs nothing next to 64 MiB of writes. No append can slip in
    // between, the caller holds the write lock.
    synchronized (syncLock) {
      active.force();
      syncedSequence = lastSequence;
    }
    SegmentWriter next = SegmentWriter.create(dir, firstSequence);
    try {
      next.force();
      DirectoryFsync.force(dir);
    } catch (IOException e) {
      // Leave no untracked file behind, or the next attempt could not create it again.
      next.close();
      Files.deleteIfExists(next.file());
      throw e;
    }
    SegmentWriter old;
    synchronized (syncLock) {
      old = active;
      active = next;
    }
    segments.add(firstSequence);
    try {
      old.close();
    } catch (IOException e) {
      LOG.warn("journal {}: closing the finished segment {} failed", dir, old.file(), e);
    }
  }

  /**
   * Feeds {@code consumer} every entry after {@code afterSequence}, in sequence order, and returns
   * the sequence of the last entry in the journal (at least {@code afterSequence}). Meant for
   * startup, before appends begin.
   *
   * @throws JournalCorruptException at damage, a sequence gap, or when entries right after
   *     {@code afterSequence} were already truncated away
   */
  public long replay(long afterSequence, Consumer<JournalEntry> consumer) throws IOException {
    return replaySequenced(afterSequence, (entry, sequence) -> consumer.accept(entry));
  }

  /** {@link #replay(long, Consumer)}, also telling the consumer each entry's sequence number. */
  public long replaySequenced(long afterSequence, ObjLongConsumer<JournalEntry> consumer) throws IOException {
    List<Long> bases;
    long activeBytes;
    long last;
    synchronized (writeLock) {
      if (closed) {
        throw new IOException("journal " + dir + " is closed");
      }
      bases = List.copyOf(segments);
      activeBytes = active.size();
      last = lastSequence;
    }
    if (afterSequence > last) {
      throw new JournalCorruptException(dir.resolve(SegmentFormat.fileName(bases.get(bases.size() - 1))),
          activeBytes, "journal ends at sequence " + last + " but replay was asked to start after "
              + afterSequence + " (journal files missing?)");
    }
    new JournalReplay(dir, bases, activeBytes).replay(afterSequence, consumer);
    return Math.max(afterSequence, last);
  }

  /**
   * Deletes the segments whose entries all have sequence numbers up to {@code sequence}, typically
   * the sequence of a snapshot just written. The active segment is never deleted.
   */
  public void truncateThrough(long sequence) throws IOException {
    synchronized (writeLock) {
      // Oldest first, so a crash in between leaves the journal without a hole.
      while (segments.size() > 1 && segments.get(1) - 1 <= sequence) {
        Files.deleteIfExists(dir.resolve(SegmentFormat.fileName(segments.get(0))));
        segments.remove(0);
      }
    }
  }

  /** The sequence number of the last appended entry, 0 for an empty journal. */
  public long lastSequence() {
    return lastSequence;
  }

  /** Puts every appended entry on the disk now, whatever the policy. */
  public void sync() throws IOException {
    syncThrough(lastSequence);
  }

  /** How far entries are known to be on the disk; for tests of the policies. */
  long syncedSequence() {
    synchronized (syncLock) {
      return syncedSequence;
    }
  }

  private void syncThrough(long sequence) throws IOException {
    synchronized (syncLock) {
      if (syncedSequence >= sequence || closed) {
        return;
      }
      // Appends that finish while this thread flushes ride along with the next caller's flush:
      // only what was written before the flush began is claimed.
      long target = lastSequence;
      active.force();
      syncedSequence = target;
    }
  }

  private void backgroundSync() {
    try {
      syncThrough(lastSequence);
    } catch (IOException | RuntimeException e) {
      LOG.warn("journal {}: background fsync failed; will retry", dir, e);
    }
  }

  /** Stops the background flush, flushes unless the policy is {@link FsyncPolicy#NONE}, and closes the files. */
  @Override
  public void close() throws IOException {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      if (syncer != null) {
        syncer.shutdown();
      }
      synchronized (syncLock) {
        try {
          if (!(options.fsync() instanceof FsyncPolicy.None)) {
            active.force();
            syncedSequence = lastSequence;
          }
        } finally {
          closed = true;
          active.close();
        }
      }
    }
  }
}
