package io.meshwatch.alerting.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one blob of state in a file, replaced atomically: a 16-byte header (magic, version, payload
 * length, CRC32 of the payload), then the payload. A new state is written aside and renamed into
 * place; the one before stays as {@code <file>.prev}, which {@link #read} falls back to when the
 * newest is missing, torn or damaged.
 *
 * <pre>{@code
 * StateFile.write(dataDir.resolve("dispatcher.state"), dispatcher.snapshot(), true);
 * Optional<byte[]> state = StateFile.read(dataDir.resolve("dispatcher.state"));
 * }</pre>
 */
public final class StateFile {
  private static final System.Logger LOG = System.getLogger(StateFile.class.getName());
  static final int MAGIC = 0x4D575354; // "MWST"
  static final int VERSION = 1;
  static final int HEADER_BYTES = 16;

  private StateFile() {}

  /**
   * Replaces the state in {@code file} with {@code payload}, keeping the current one as
   * {@code <file>.prev}. With {@code fsync} the data and the renames are forced to the disk.
   */
  public static void write(Path file, byte[] payload, boolean fsync) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length)
        .putInt(MAGIC).putInt(VERSION).putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      if (fsync) {
        out.force(true);
      }
    }
    if (Files.exists(file)) {
      // Between these two renames only the .prev exists, and read() falls back to it.
      Files.move(file, previous(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (fsync) {
      DirectoryFsync.force(dir);
    }
  }

  /**
   * The newest intact state of {@code file}, else that of {@code <file>.prev}; empty when neither
   * exists.
   *
   * @throws IOException when a state exists but neither file holds an intact one
   */
  public static Optional<byte[]> read(Path file) throws IOException {
    Path prev = previous(file);
    Contents newest = contents(file);
    if (newest.payload() != null) {
      return Optional.of(newest.payload());
    }
    Contents previous = contents(prev);
    if (previous.payload() != null) {
      if (!newest.missing()) {
        LOG.log(System.Logger.Level.WARNING, "state file {0} {1}; using {2}", file, newest.problem(), prev);
      }
      return Optional.of(previous.payload());
    }
    if (newest.missing() && previous.missing()) {
      return Optional.empty();
    }
    throw new IOException("no intact state: " + file + " " + newest.problem() + ", " + prev + " " + previous.problem());
  }

  static Path previous(Path file) {
    return file.resolveSibling(file.getFileName() + ".prev");
  }

  /** A file's payload when it is intact, else what is wrong with it. */
  private record Contents(byte @Nullable [] payload, @Nullable String problem, boolean missing) {
    static Contents broken(String problem) {
      return new Contents(null, problem, false);
    }
  }

  private static Contents contents(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Contents(null, "is missing", true);
    }
    if (bytes.length < HEADER_BYTES) {
      return Contents.broken("has only " + bytes.length + " bytes");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, HEADER_BYTES);
    if (header.getInt() != MAGIC) {
      return Contents.broken("is not a meshwatch state file");
    }
    int version = header.getInt();
    if (version != VERSION) {
      return Contents.broken("has unsupported version " + version);
    }
    int length = header.getInt();
    if (length != bytes.length - HEADER_BYTES) {
      return Contents.broken("says " + length + " payload bytes but holds " + (bytes.length - HEADER_BYTES));
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, HEADER_BYTES, length);
    if ((int) crc.getValue() != header.getInt()) {
      return Contents.broken("fails its checksum");
    }
    return new Contents(Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length), null, false);
  }
}
