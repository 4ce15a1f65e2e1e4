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
    String newestProblem = problem(file);
    if (newestProblem == null) {
      return Optional.of(payload(file));
    }
    String prevProblem = problem(prev);
    if (prevProblem == null) {
      if (Files.exists(file)) {
        LOG.log(System.Logger.Level.WARNING, "state file {0} is unusable ({1}); using {2}", file, newestProblem, prev);
      }
      return Optional.of(payload(prev));
    }
    if (!Files.exists(file) && !Files.exists(prev)) {
      return Optional.empty();
    }
    throw new IOException("no intact state: " + file + " " + newestProblem + ", " + prev + " " + prevProblem);
  }

  static Path previous(Path file) {
    return file.resolveSibling(file.getFileName() + ".prev");
  }

  private static byte[] payload(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length);
  }

  /** What is wrong with {@code file}, or null when it holds an intact state. */
  private static @Nullable String problem(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return "is missing";
    }
    if (bytes.length < HEADER_BYTES) {
      return "has only " + bytes.length + " bytes";
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, HEADER_BYTES);
    if (header.getInt() != MAGIC) {
      return "is not a meshwatch state file";
    }
    int version = header.getInt();
    if (version != VERSION) {
      return "has unsupported version " + version;
    }
    int length = header.getInt();
    if (length != bytes.length - HEADER_BYTES) {
      return "says " + length + " payload bytes but holds " + (bytes.length - HEADER_BYTES);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, HEADER_BYTES, length);
    return (int) crc.getValue() == header.getInt() ? null : "fails its checksum";
  }
}
