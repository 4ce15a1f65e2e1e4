package io.meshwatch.collector.journal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of the engine state, one file per snapshot named {@code snapshot-<sequence>.bin}: a
 * 16-byte header (magic, journal sequence), the payload, and a trailer (payload length, CRC32C of
 * everything before it). A snapshot is written to a temporary file, flushed to the disk and renamed
 * into place, so a crash at any moment leaves the previous snapshot readable; older snapshots are
 * deleted only after the new one is in place.
 *
 * <pre>{@code
 * SnapshotFile.write(dataDir, journal.lastSequence(), out -> engine.writeState(out));
 * journal.truncateThrough(sequence);
 * try (Snapshot s = SnapshotFile.readLatest(dataDir).orElseThrow()) {
 *   engine.readState(s.data());
 * }
 * }</pre>
 */
public final class SnapshotFile {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotFile.class);
  private static final long MAGIC = 0x4D57534E41503031L; // "MWSNAP01"
  private static final int HEADER_BYTES = 16;
  private static final int TRAILER_BYTES = 12;
  private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.bin");

  private SnapshotFile() {}

  /**
   * Writes the state {@code writer} produces as the snapshot at {@code journalSequence} in
   * {@code dir}, then deletes older snapshots. Returns the new file.
   *
   * @throws IOException when writing fails; the previous snapshot is then still in place
   */
  public static Path write(Path dir, long journalSequence, SnapshotWriter writer) throws IOException {
    if (journalSequence < 0) {
      throw new IllegalArgumentException("journalSequence must not be negative, got " + journalSequence);
    }
    Files.createDirectories(dir);
    Path temp = writeTemp(dir, journalSequence, writer);
    Path target = dir.resolve(fileName(journalSequence));
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    DirectoryFsync.force(dir);
    deleteOlder(dir, journalSequence);
    return target;
  }

  /** The first half of {@link #write}: the complete, flushed temporary file, not yet renamed. */
  static Path writeTemp(Path dir, long journalSequence, SnapshotWriter writer) throws IOException {
    Path temp = dir.resolve(fileName(journalSequence) + ".tmp");
    boolean done = false;
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      // The CRC sits under the buffer, so it sees 64 KiB chunks rather than single bytes.
      Checksummed checksummed = new Checksummed(Channels.newOutputStream(channel));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checksummed, 1 << 16));
      out.writeLong(MAGIC);
      out.writeLong(journalSequence);
      writer.write(out);
      out.flush();
      out.writeLong(checksummed.count - HEADER_BYTES);
      out.flush();
      out.writeInt((int) checksummed.crc.getValue());
      out.flush();
      channel.force(true);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
    return temp;
  }

  /**
   * The newest snapshot in {@code dir} whose checksum holds, skipping (with a warning) any newer
   * one that is partial or damaged; empty when there is none.
   */
  public static Optional<Snapshot> readLatest(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Long> sequences = list(dir, NAME);
    for (int i = sequences.size() - 1; i >= 0; i--) {
      long sequence = sequences.get(i);
      Path file = dir.resolve(fileName(sequence));
      String problem = verify(file, sequence);
      if (problem == null) {
        long payloadBytes = Files.size(file) - HEADER_BYTES - TRAILER_BYTES;
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(HEADER_BYTES);
        return Optional.of(new Snapshot(file, sequence, in, payloadBytes));
      }
      LOG.warn("snapshot {} is not usable ({}); trying an older one", file, problem);
    }
    return Optional.empty();
  }

  private static @Nullable String verify(Path file, long sequence) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < HEADER_BYTES + TRAILER_BYTES) {
        return "only " + size + " bytes";
      }
      ByteBuffer header = readAt(channel, 0, HEADER_BYTES);
      ByteBuffer trailer = readAt(channel, size - TRAILER_BYTES, TRAILER_BYTES);
      if (header.getLong() != MAGIC) {
        return "not a meshwatch snapshot";
      }
      long headerSequence = header.getLong();
      if (headerSequence != sequence) {
        return "header says sequence " + headerSequence;
      }
      long payloadBytes = trailer.getLong();
      if (payloadBytes != size - HEADER_BYTES - TRAILER_BYTES) {
        return "trailer says " + payloadBytes + " payload bytes, file holds " + (size - HEADER_BYTES - TRAILER_BYTES);
      }
      CRC32C crc = new CRC32C();
      ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 16);
      long covered = size - 4;
      for (long at = 0; at < covered; ) {
        chunk.clear().limit((int) Math.min(chunk.capacity(), covered - at));
        int n = channel.read(chunk, at);
        if (n < 0) {
          return "file shrank while reading";
        }
        at += n;
        crc.update(chunk.flip());
      }
      return (int) crc.getValue() == trailer.getInt() ? null : "CRC mismatch";
    }
  }

  private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("unexpected end of " + length + " bytes at " + position);
      }
    }
    return buffer.flip();
  }

  /**
   * Deletes the snapshots before the one preceding {@code sequence}'s: the previous one stays, so a
   * newest snapshot that cannot be read still has one to fall back to (the journal is kept from the
   * previous snapshot on, see {@code DurableSignals}).
   */
  private static void deleteOlder(Path dir, long sequence) throws IOException {
    List<Long> older = list(dir, NAME).stream().filter(s -> s < sequence).sorted().toList();
    for (int i = 0; i < older.size() - 1; i++) {
      Files.deleteIfExists(dir.resolve(fileName(older.get(i))));
    }
    // Leftovers of writes that crashed before their rename.
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "snapshot-*.bin.tmp")) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static List<Long> list(Path dir, Pattern pattern) throws IOException {
    List<Long> sequences = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "snapshot-*.bin")) {
      for (Path file : files) {
        Matcher m = pattern.matcher(file.getFileName().toString());
        if (m.matches()) {
          sequences.add(Long.parseLong(m.group(1)));
        }
      }
    }
    sequences.sort(null);
    return sequences;
  }

  static String fileName(long sequence) {
    return String.format("snapshot-%020d.bin", sequence);
  }

  /** Counts and checksums what passes through, writing arrays through whole. */
  private static final class Checksummed extends FilterOutputStream {
    final CRC32C crc = new CRC32C();
    long count;

    Checksummed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      crc.update(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      crc.update(bytes, offset, length);
      count += length;
    }
  }
}
