package io.meshwatch.durable;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * A log's snapshot files, {@code snapshots/<20-digit sequence>.snap}: a 20-byte header (magic,
 * version, the sequence of the last record the state includes), the payload, and a trailer (payload
 * length, CRC32C of everything before it). Written aside, flushed and renamed into place, so a crash
 * leaves the previous snapshot readable; one that fails its check is moved into {@code damaged/}.
 */
final class Snapshots {
  private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());
  private static final long MAGIC = 0x4D57445350303031L; // "MWDSP001"
  private static final int VERSION = 1;
  private static final int HEADER_BYTES = 20;
  private static final int TRAILER_BYTES = 12;
  private static final Pattern NAME = Pattern.compile("(\\d{20})\\.snap");

  private final Path dir;
  private final Path logDir;
  private final DamageCounter damage;
  private final boolean force;

  Snapshots(Path logDir, DamageCounter damage, boolean force) {
    this.logDir = logDir;
    this.dir = logDir.resolve("snapshots");
    this.damage = damage;
    this.force = force;
  }

  /**
   * Checks every snapshot, moving those that fail into {@code damaged/} (each counted); returns the
   * sequences of the valid ones, ascending.
   */
  List<Long> verifyAll() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Long> valid = new ArrayList<>();
    for (long sequence : list()) {
      Path file = file(sequence);
      String problem = verify(file, sequence);
      if (problem == null) {
        valid.add(sequence);
      } else {
        Path aside = SegmentRepair.moveAside(logDir, file, force);
        damage.snapshot();
        LOG.log(System.Logger.Level.WARNING, "snapshot {0} is not usable ({1}); moved to {2}", file, problem, aside);
      }
    }
    return valid;
  }

  /** The payload of the snapshot at {@code sequence}, which {@link #verifyAll} found valid. */
  Snapshot open(long sequence) throws IOException {
    Path file = file(sequence);
    long payloadBytes = Files.size(file) - HEADER_BYTES - TRAILER_BYTES;
    InputStream in = Files.newInputStream(file);
    in.skipNBytes(HEADER_BYTES);
    return new Snapshot(file, sequence, in, payloadBytes);
  }

  /** Writes the snapshot at {@code sequence}: complete and on the disk once this returns. */
  void write(long sequence, SnapshotWriter writer) throws IOException {
    Files.createDirectories(dir);
    Path temp = dir.resolve(fileName(sequence) + ".tmp");
    boolean done = false;
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      // The CRC sits under the buffer, so it sees 64 KiB chunks rather than single bytes.
      Checksummed checksummed = new Checksummed(Channels.newOutputStream(channel));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checksummed, 1 << 16));
      out.writeLong(MAGIC);
      out.writeInt(VERSION);
      out.writeLong(sequence);
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
    Files.move(temp, file(sequence), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    DirectoryFsync.force(dir);
  }

  /** Deletes the snapshots before {@code sequence}, and temporary files of writes that crashed. */
  void deleteBefore(long sequence) throws IOException {
    for (long older : list()) {
      if (older < sequence) {
        Files.deleteIfExists(file(older));
      }
    }
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*.snap.tmp")) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static @Nullable String verify(Path file, long sequence) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < HEADER_BYTES + TRAILER_BYTES) {
        return "only " + size + " bytes";
      }
      ByteBuffer header = readAt(channel, 0, HEADER_BYTES);
      ByteBuffer trailer = readAt(channel, size - TRAILER_BYTES, TRAILER_BYTES);
      if (header.getLong() != MAGIC || header.getInt() != VERSION) {
        return "not a meshwatch snapshot of this version";
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

  private List<Long> list() throws IOException {
    List<Long> sequences = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return sequences;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.snap")) {
      for (Path file : files) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (m.matches()) {
          sequences.add(Long.parseLong(m.group(1)));
        }
      }
    }
    sequences.sort(null);
    return sequences;
  }

  private Path file(long sequence) {
    return dir.resolve(fileName(sequence));
  }

  static String fileName(long sequence) {
    return String.format("%020d.snap", sequence);
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
