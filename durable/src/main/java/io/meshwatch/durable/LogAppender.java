package io.meshwatch.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The writing half of a {@link DurableLog}: numbering, framing, the write, rollover and the fsync
 * policy, with group commit. The payload's CRC is computed before the lock; under it only the
 * 24-byte header is filled in, in front of the payload, and the frame written with one call.
 */
final class LogAppender {
  private static final System.Logger LOG = System.getLogger(LogAppender.class.getName());

  private final Path dir;
  private final LogOptions options;
  private final Object writeLock = new Object();
  // Lock order: writeLock, then syncLock. The active segment changes only while both are held.
  private final Object syncLock = new Object();
  private final List<Long> segments; // first sequences, ascending; the last one is active
  private SegmentWriter active;
  private volatile long lastSequence;
  private long syncedSequence;
  private long bytesSinceSnapshot;
  private volatile boolean closed;
  private final @Nullable ScheduledExecutorService syncer;

  LogAppender(Path dir, LogOptions options, List<Long> segments, SegmentWriter active, long lastSequence) {
    this.dir = dir;
    this.options = options;
    this.segments = new ArrayList<>(segments);
    this.active = active;
    this.lastSequence = lastSequence;
    this.syncedSequence = lastSequence;
    if (options.fsync() instanceof FsyncPolicy.Interval interval) {
      syncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meshwatch-log-fsync");
        thread.setDaemon(true);
        return thread;
      });
      long nanos = interval.every().toNanos();
      syncer.scheduleWithFixedDelay(this::backgroundSync, nanos, nanos, TimeUnit.NANOSECONDS);
    } else {
      syncer = null;
    }
  }

  /** Appends the frame in {@code frame}'s remaining bytes: 24 reserved for the header, then the payload. */
  long append(ByteBuffer frame) throws IOException {
    int length = frame.remaining() - SegmentFormat.RECORD_HEADER_BYTES;
    if (length < 0 || !frame.hasArray()) {
      throw new IllegalArgumentException("a frame is a heap buffer of the 24 header bytes and the payload, got " + frame);
    }
    if (length > SegmentFormat.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("record of " + length + " bytes is more than the log's limit of "
          + SegmentFormat.MAX_PAYLOAD_BYTES);
    }
    byte[] bytes = frame.array();
    int at = frame.arrayOffset() + frame.position();
    int crc = SegmentFormat.crc(bytes, at + SegmentFormat.RECORD_HEADER_BYTES, length);
    long sequence;
    synchronized (writeLock) {
      if (closed) {
        throw new IOException("log " + dir + " is closed");
      }
      sequence = lastSequence + 1;
      SegmentFormat.recordHeader(bytes, at, length, sequence, crc);
      long size = SegmentFormat.RECORD_HEADER_BYTES + (long) length;
      if (active.size() > SegmentFormat.HEADER_BYTES && active.size() + size > options.segmentBytes()) {
        rotate(sequence);
      }
      active.write(frame.duplicate());
      lastSequence = sequence;
      bytesSinceSnapshot += size;
    }
    if (options.fsync() instanceof FsyncPolicy.Always) {
      syncThrough(sequence);
    }
    return sequence;
  }

  private void rotate(long firstSequence) throws IOException {
    // Whatever the policy: later flushes only reach the active segment, and one flush per segment
    // costs nothing next to its writes. No append can slip in between, the caller holds the write lock.
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
      LOG.log(System.Logger.Level.WARNING, "log " + dir + ": closing the finished segment " + old.file() + " failed", e);
    }
  }

  /** The segments and the active one's size, as of now, for a reader. */
  record View(List<Long> segments, long activeBytes, long lastSequence) {}

  View view() throws IOException {
    synchronized (writeLock) {
      if (closed) {
        throw new IOException("log " + dir + " is closed");
      }
      return new View(List.copyOf(segments), active.size(), lastSequence);
    }
  }

  /** Deletes the segments whose records all have sequences up to {@code sequence}; never the active one. */
  void truncateThrough(long sequence) throws IOException {
    synchronized (writeLock) {
      // Oldest first, so a crash in between leaves the log without a hole.
      while (segments.size() > 1 && segments.get(1) - 1 <= sequence) {
        Files.deleteIfExists(dir.resolve(SegmentFormat.fileName(segments.get(0))));
        segments.remove(0);
      }
    }
  }

  long lastSequence() {
    return lastSequence;
  }

  long takeBytesSinceSnapshot() {
    synchronized (writeLock) {
      long bytes = bytesSinceSnapshot;
      bytesSinceSnapshot = 0;
      return bytes;
    }
  }

  long bytesSinceSnapshot() {
    synchronized (writeLock) {
      return bytesSinceSnapshot;
    }
  }

  void sync() throws IOException {
    syncThrough(lastSequence);
  }

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
      LOG.log(System.Logger.Level.WARNING, "log " + dir + ": background fsync failed; will retry", e);
    }
  }

  void close() throws IOException {
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
