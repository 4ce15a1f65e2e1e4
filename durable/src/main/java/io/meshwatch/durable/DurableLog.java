package io.meshwatch.durable;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An append-only log of records in segment files, with snapshots: the one durable mechanism of
 * meshwatch. A record is numbered by a sequence that keeps counting across restarts, and returned
 * from {@link #append} once its bytes are in the OS (survives {@code kill -9}; the
 * {@link FsyncPolicy} decides what survives a power loss). Safe for concurrent appenders.
 *
 * <pre>{@code
 * try (DurableLog log = DurableLog.open(dataDir.resolve("journal"), LogOptions.DEFAULTS)) {
 *   long after = 0;
 *   Optional<Snapshot> latest = log.latestSnapshot();
 *   if (latest.isPresent()) {
 *     try (Snapshot snapshot = latest.get()) {
 *       state.read(snapshot.data());
 *       after = snapshot.sequence();
 *     }
 *   }
 *   log.replay(after, (sequence, payload) -> state.apply(payload));
 *   long sequence = log.append(ByteBuffer.wrap(bytes));   // acknowledge, then apply
 *   log.snapshot(sequence, state::write);                 // now and then
 * }
 * }</pre>
 *
 * <p>Every record is checked on its own when the log opens: a damaged one is skipped and counted
 * ({@link #damage()}) and the next valid one read; a damaged segment is moved into {@code damaged/}
 * and an intact copy of its valid records takes its place; only a torn, never acknowledged tail of
 * the last segment is cut. A snapshot that fails its check is moved aside and the one before it
 * used, with every record after it: {@link #snapshot} keeps the previous snapshot and the log since it.
 */
public final class DurableLog implements Closeable {
  /** The bytes a caller leaves free in front of the payload for {@link #appendFramed}. */
  public static final int HEADER_BYTES = SegmentFormat.RECORD_HEADER_BYTES;
  private static final System.Logger LOG = System.getLogger(DurableLog.class.getName());

  private final Path dir;
  private final DamageCounter damage;
  private final Snapshots snapshots;
  private final LogAppender appender;
  private final List<Long> snapshotSequences; // valid ones, ascending; guarded by this

  private DurableLog(Path dir, DamageCounter damage, Snapshots snapshots, LogAppender appender, List<Long> valid) {
    this.dir = dir;
    this.damage = damage;
    this.snapshots = snapshots;
    this.appender = appender;
    this.snapshotSequences = new ArrayList<>(valid);
  }

  /**
   * Opens (creating if needed) the log in {@code dir}: checks every snapshot and every record,
   * moves damage aside, cuts a torn tail, and recovers the last sequence. Damage never makes it throw.
   *
   * @throws IOException when the files cannot be read or written at all
   */
  public static DurableLog open(Path dir, LogOptions options) throws IOException {
    Files.createDirectories(dir);
    DamageCounter damage = new DamageCounter();
    SegmentRepair.finishInterrupted(dir);
    boolean force = !(options.fsync() instanceof FsyncPolicy.None);
    Snapshots snapshots = new Snapshots(dir, damage, force);
    List<Long> valid = snapshots.verifyAll();
    long floor = valid.isEmpty() ? 0 : valid.get(valid.size() - 1);
    List<Long> segments = SegmentFormat.list(dir);
    long last = floor;
    SegmentWriter active;
    if (segments.isEmpty()) {
      long first = floor + 1;
      active = SegmentWriter.create(dir, first);
      active.force();
      DirectoryFsync.force(dir);
      segments = List.of(first);
    } else {
      for (int i = 0; i < segments.size() - 1; i++) {
        last = Math.max(last, recover(dir, segments.get(i), false, force, damage).lastSequence());
      }
      long base = segments.get(segments.size() - 1);
      Recovered tail = recover(dir, base, true, force, damage);
      last = Math.max(last, tail.lastSequence());
      active = SegmentWriter.resume(dir.resolve(SegmentFormat.fileName(base)), base, tail.validBytes());
    }
    return new DurableLog(dir, damage, snapshots, new LogAppender(dir, options, segments, active, last), valid);
  }

  private record Recovered(long lastSequence, long validBytes) {}

  /** Scans one segment; repairs it when damaged, logs a torn tail that the writer will cut. */
  private static Recovered recover(Path dir, long base, boolean active, boolean force, DamageCounter damage)
      throws IOException {
    Path file = dir.resolve(SegmentFormat.fileName(base));
    long size = Files.size(file);
    SegmentScan.Result scan = SegmentScan.scan(file, base, size, active, (sequence, bytes, at, frame) -> { });
    if (scan.damaged()) {
      long copied = SegmentRepair.repair(dir, base, size, active, force);
      damage.add(scan.damage());
      damage.segment();
      LOG.log(System.Logger.Level.WARNING, "log segment {0}: {1} damaged records ({2} bytes) skipped{3}; the file is in "
          + "{4}/, an intact copy of its valid records ({5} bytes) took its place", file, scan.recordsSkipped(),
          scan.bytesSkipped(), scan.headerDamaged() ? ", its header damaged" : "", SegmentRepair.DAMAGED_DIR, copied);
      return new Recovered(scan.lastSequence(), copied);
    }
    if (scan.tornBytes() > 0) {
      LOG.log(System.Logger.Level.WARNING, "log segment {0}: cutting a torn tail of {1} bytes at offset {2} (a write "
          + "that was never acknowledged)", file, scan.tornBytes(), scan.validEnd());
    }
    return new Recovered(scan.lastSequence(), scan.validEnd());
  }

  /**
   * Appends one record with a single write and returns its sequence, once the bytes are in the OS
   * (and on the disk under {@link FsyncPolicy#ALWAYS}). A record is all or nothing: a crash during
   * the write loses it whole, and it was then never acknowledged.
   *
   * @throws IOException when the bytes could not be written (the record is not in the log), or under
   *     {@link FsyncPolicy#ALWAYS} when the flush failed (it may be in the log, not known to be on the disk)
   * @throws IllegalArgumentException when the payload is over 64 MiB
   */
  public long append(ByteBuffer payload) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.remaining());
    frame.position(HEADER_BYTES);
    frame.put(payload.duplicate()).flip();
    return appender.append(frame);
  }

  /**
   * {@link #append} without a copy, for a hot path: {@code frame} is a heap buffer whose first
   * {@link #HEADER_BYTES} remaining bytes are left free (the log writes the header there) and whose
   * other remaining bytes are the payload.
   */
  public long appendFramed(ByteBuffer frame) throws IOException {
    return appender.append(frame);
  }

  /**
   * Feeds {@code consumer} every valid record after {@code afterSequence}, in sequence order, and
   * returns the sequence of the last record in the log. A record the consumer throws on is skipped
   * and counted. Meant for start-up, before appends begin.
   */
  public long replay(long afterSequence, RecordConsumer consumer) throws IOException {
    LogAppender.View view = appender.view();
    List<Long> bases = view.segments();
    int start = 0;
    while (start + 1 < bases.size() && bases.get(start + 1) <= afterSequence + 1) {
      start++;
    }
    for (int i = start; i < bases.size(); i++) {
      Path file = dir.resolve(SegmentFormat.fileName(bases.get(i)));
      boolean isActive = i == bases.size() - 1;
      long size = isActive ? view.activeBytes() : Files.size(file);
      SegmentScan.scan(file, bases.get(i), size, isActive, (sequence, bytes, at, frame) -> {
        if (sequence > afterSequence) {
          deliver(consumer, file, sequence, ByteBuffer.wrap(bytes, at + SegmentFormat.RECORD_HEADER_BYTES,
              frame - SegmentFormat.RECORD_HEADER_BYTES).slice(), frame);
        }
      });
    }
    return Math.max(afterSequence, view.lastSequence());
  }

  private void deliver(RecordConsumer consumer, Path file, long sequence, ByteBuffer payload, int frame) {
    try {
      consumer.accept(sequence, payload);
    } catch (Exception e) {
      damage.records(1, frame);
      LOG.log(System.Logger.Level.WARNING, "log " + file + ": record " + sequence + " is intact but cannot be read ("
          + e + "); skipped", e);
    }
  }

  /**
   * The newest snapshot that passed its check at open (or was written since), to read the state from
   * before {@link #replay}ing the records after it; empty when there is none.
   */
  public synchronized Optional<Snapshot> latestSnapshot() throws IOException {
    if (snapshotSequences.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(snapshots.open(snapshotSequences.get(snapshotSequences.size() - 1)));
  }

  /**
   * Writes the state as of record {@code sequence} as a snapshot, after putting the log up to it on
   * the disk; then deletes what the previous snapshot made unnecessary: older snapshots and the
   * segments before it. The previous snapshot and every record after it stay, so a newest snapshot
   * that turns out damaged has one to fall back to.
   *
   * @throws IOException when the snapshot could not be written; the earlier ones are then still in place
   */
  public synchronized void snapshot(long sequence, SnapshotWriter writer) throws IOException {
    if (sequence < 0 || sequence > appender.lastSequence()) {
      throw new IllegalArgumentException("snapshot at sequence " + sequence + ", but the log holds 1 .. "
          + appender.lastSequence());
    }
    // A snapshot that outlived a power loss its records did not would leave a gap behind it.
    appender.sync();
    snapshots.write(sequence, writer);
    appender.takeBytesSinceSnapshot();
    snapshotSequences.removeIf(s -> s >= sequence);
    long previous = snapshotSequences.isEmpty() ? -1 : snapshotSequences.get(snapshotSequences.size() - 1);
    snapshotSequences.add(sequence);
    if (previous >= 0) {
      snapshots.deleteBefore(previous);
      snapshotSequences.removeIf(s -> s < previous);
      appender.truncateThrough(previous);
    }
  }

  /** The sequence of the last appended record (or of the newest snapshot, if later); 0 for an empty log. */
  public long lastSequence() {
    return appender.lastSequence();
  }

  /** Bytes appended since the last {@link #snapshot}, e.g. to decide when the next one is due. */
  public long bytesSinceSnapshot() {
    return appender.bytesSinceSnapshot();
  }

  /** Puts every appended record on the disk now, whatever the policy. */
  public void sync() throws IOException {
    appender.sync();
  }

  /** How far records are known to be on the disk; for tests of the policies. */
  long syncedSequence() {
    return appender.syncedSequence();
  }

  /** The damage found since this log was opened. */
  public Damage damage() {
    return damage.total();
  }

  /** The directory the log keeps its files in. */
  public Path dir() {
    return dir;
  }

  /** Stops the background flush, flushes unless the policy is {@link FsyncPolicy#NONE}, and closes the files. */
  @Override
  public void close() throws IOException {
    appender.close();
  }
}
