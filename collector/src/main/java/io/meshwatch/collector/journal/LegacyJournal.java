package io.meshwatch.collector.journal;

import io.meshwatch.durable.Damage;
import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the journal and snapshots of data dir format 1 (meshwatch before {@code durable}), for
 * migration: {@code journal/<20-digit first entry>.wal} segments (an 8-byte header, then records of
 * {@code int length, int crc32c, long firstSequence, int count, entries}) and
 * {@code snapshots/snapshot-<20-digit sequence>.bin} (magic, sequence, payload, length, CRC32C),
 * where sequences count entries. Damage is counted and stepped over: the format has no marker to
 * resynchronise on, so the rest of a damaged segment is lost; its torn last record is no damage.
 * Also writes the guard that makes a format-1 collector refuse a migrated data dir.
 */
public final class LegacyJournal {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyJournal.class);
  private static final int SEGMENT_MAGIC = 0x4D574A4C; // "MWJL"
  private static final long SNAPSHOT_MAGIC = 0x4D57534E41503031L; // "MWSNAP01"
  private static final Pattern SEGMENT = Pattern.compile("\\d{20}\\.wal");
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.bin");
  /** Sorts before every format-1 segment, so a format-1 collector takes it for its last segment and stops. */
  static final String GUARD = "00000000000000000000.wal";

  /** Where the format-1 state goes. */
  public interface Target {
    /** The newest valid format-1 snapshot's payload (the engine's own format, unchanged). */
    void snapshot(DataInput payload) throws IOException;

    /** Each journaled entry after it, in order. */
    void entry(JournalEntry entry);
  }

  private LegacyJournal() {}

  /** Whether {@code dataDir} holds format-1 journal segments or snapshots. */
  public static boolean present(Path dataDir) throws IOException {
    return !segments(dataDir.resolve("journal")).isEmpty() || !snapshots(dataDir.resolve("snapshots")).isEmpty();
  }

  /** Feeds {@code target} the format-1 state: newest valid snapshot, then every entry after it. */
  public static Damage read(Path dataDir, Target target) throws IOException {
    long records = 0;
    long bytes = 0;
    long skippedSnapshots = 0;
    long after = 0;
    List<Path> snapshots = snapshots(dataDir.resolve("snapshots"));
    for (int i = snapshots.size() - 1; i >= 0; i--) {
      byte[] file = Files.readAllBytes(snapshots.get(i));
      if (validSnapshot(file)) {
        ByteBuffer header = ByteBuffer.wrap(file);
        header.getLong();
        after = header.getLong();
        target.snapshot(new DataInputStream(new ByteArrayInputStream(file, 16, file.length - 28)));
        break;
      }
      skippedSnapshots++;
      LOG.warn("format-1 snapshot {} fails its check; trying an older one", snapshots.get(i));
    }
    List<Path> segments = segments(dataDir.resolve("journal"));
    for (int s = 0; s < segments.size(); s++) {
      ByteBuffer segment = ByteBuffer.wrap(Files.readAllBytes(segments.get(s)));
      boolean last = s == segments.size() - 1;
      long damaged = readSegment(segment, after, last, target);
      if (damaged > 0) {
        records++;
        bytes += damaged;
        LOG.warn("format-1 journal segment {}: {} bytes from offset {} cannot be read and are skipped",
            segments.get(s), damaged, segment.capacity() - damaged);
      }
    }
    return new Damage(records, bytes, 0, skippedSnapshots, 0);
  }

  /** Delivers the segment's entries after {@code after}; returns the bytes of damage at its end. */
  private static long readSegment(ByteBuffer segment, long after, boolean last, Target target) {
    if (segment.remaining() < 8 || segment.getInt() != SEGMENT_MAGIC || segment.getInt() != 1) {
      return segment.capacity();
    }
    List<JournalEntry> batch = new ArrayList<>();
    while (segment.remaining() > 0) {
      int at = segment.position();
      if (segment.remaining() < 8) {
        return last ? 0 : segment.capacity() - at;
      }
      int length = segment.getInt();
      int crc = segment.getInt();
      if (length < 12 || length > segment.remaining()) {
        return last && length >= 12 && length <= 64 << 20 ? 0 : segment.capacity() - at;
      }
      ByteBuffer payload = segment.slice(segment.position(), length);
      CRC32C check = new CRC32C();
      check.update(payload.duplicate());
      if ((int) check.getValue() != crc) {
        return segment.capacity() - at;
      }
      segment.position(segment.position() + length);
      long first = payload.getLong();
      batch.clear();
      try {
        Journal.decode(payload, batch);
      } catch (RuntimeException e) {
        return segment.capacity() - at;
      }
      for (int i = 0; i < batch.size(); i++) {
        if (first + i > after) {
          target.entry(batch.get(i));
        }
      }
    }
    return 0;
  }

  private static boolean validSnapshot(byte[] file) {
    if (file.length < 28) {
      return false;
    }
    ByteBuffer buffer = ByteBuffer.wrap(file);
    CRC32C crc = new CRC32C();
    crc.update(file, 0, file.length - 4);
    return buffer.getLong(0) == SNAPSHOT_MAGIC && buffer.getLong(file.length - 12) == file.length - 28
        && buffer.getInt(file.length - 4) == (int) crc.getValue();
  }

  /**
   * Moves the format-1 files into {@code backup} (kept until an operator deletes it) and leaves the
   * guard in {@code journal/}.
   */
  public static void moveAside(Path dataDir, Path backup) throws IOException {
    Files.createDirectories(backup.resolve("journal"));
    for (Path segment : segments(dataDir.resolve("journal"))) {
      Files.move(segment, backup.resolve("journal").resolve(segment.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }
    if (Files.isDirectory(dataDir.resolve("snapshots"))) {
      Files.move(dataDir.resolve("snapshots"), backup.resolve("snapshots"), StandardCopyOption.ATOMIC_MOVE);
    }
    guard(dataDir.resolve("journal"));
  }

  /**
   * Writes, once, a file a format-1 collector reads as its last journal segment and refuses with "not
   * a meshwatch journal segment": without it, it would start empty on a data dir it cannot read.
   */
  public static void guard(Path journalDir) throws IOException {
    Path guard = journalDir.resolve(GUARD);
    if (!Files.exists(guard)) {
      Files.createDirectories(journalDir);
      Files.writeString(guard, "This data dir has format 2 or later (see ../format); meshwatch before format 2 cannot "
          + "read it. Run a newer meshwatch on it.\n", StandardCharsets.US_ASCII);
    }
  }

  private static List<Path> segments(Path dir) throws IOException {
    return list(dir, "*.wal", SEGMENT);
  }

  private static List<Path> snapshots(Path dir) throws IOException {
    return list(dir, "snapshot-*.bin", SNAPSHOT);
  }

  private static List<Path> list(Path dir, String glob, Pattern name) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, glob)) {
      for (Path file : found) {
        String fileName = file.getFileName().toString();
        if (name.matcher(fileName).matches() && !fileName.equals(GUARD)) {
          files.add(file);
        }
      }
    }
    files.sort(null);
    return files;
  }
}
