package io.meshwatch.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * One blob of state, replaced whole, kept in two copies {@code <file>.a} and {@code <file>.b}. A
 * write goes to one copy, then the other, each written aside and renamed into place: a crash leaves
 * at least one whole copy, and after a write both hold it, so one damaged copy loses nothing.
 * {@link #read} takes the newest copy that passes its check, moving a damaged one into
 * {@code damaged/} and counting it. A copy is a 20-byte header (magic, version, generation, payload
 * length), the payload and a CRC32C of everything before it.
 *
 * <p>Reads the single-file format of earlier versions too ({@code <file>}, falling back to
 * {@code <file>.prev}); the first write replaces it.
 *
 * <pre>{@code
 * StateFile state = StateFile.open(dir.resolve("state.bin"), fsync);
 * Optional<byte[]> stored = state.read();
 * state.write(encode(next));   // then make next current
 * }</pre>
 */
public final class StateFile {
  private static final System.Logger LOG = System.getLogger(StateFile.class.getName());
  private static final int MAGIC = 0x4D575332; // "MWS2"
  private static final int VERSION = 1;
  private static final int HEADER_BYTES = 20;
  private static final int TRAILER_BYTES = 4;

  private final Path file;
  private final List<Path> copies;
  private final boolean fsync;
  private final DamageCounter damage = new DamageCounter();
  private long generation;

  private StateFile(Path file, boolean fsync) {
    this.file = file;
    this.copies = List.of(sibling(file, ".a"), sibling(file, ".b"));
    this.fsync = fsync;
  }

  /** The state kept at {@code file}; with {@code fsync} each write is on the disk before it returns. */
  public static StateFile open(Path file, boolean fsync) {
    return new StateFile(file.toAbsolutePath(), fsync);
  }

  /**
   * The newest intact state, empty when none was ever written (or no copy of it is intact: then the
   * damage says so). Damage never makes it throw.
   *
   * @throws IOException when the files cannot be read at all
   */
  public synchronized Optional<byte[]> read() throws IOException {
    Copy newest = null;
    boolean any = false;
    for (Path copy : copies) {
      Copy found = readCopy(copy);
      if (found == null) {
        continue;
      }
      any = true;
      if (found.problem != null) {
        Path aside = SegmentRepair.moveAside(file.getParent(), copy, fsync);
        damage.stateCopy();
        LOG.log(System.Logger.Level.WARNING, "state file {0} {1}; moved to {2}", copy, found.problem, aside);
      } else if (newest == null || found.generation > newest.generation) {
        newest = found;
      }
    }
    if (newest != null) {
      generation = newest.generation;
      return Optional.of(newest.payload);
    }
    return any ? Optional.empty() : LegacyStateFile.read(file, damage);
  }

  /**
   * Replaces the state with {@code payload}: once this returns, both copies hold it.
   *
   * @throws IOException when it could not be written; a copy of the state before is then still intact
   */
  public synchronized void write(byte[] payload) throws IOException {
    Files.createDirectories(file.getParent());
    long next = generation + 1;
    ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + payload.length + TRAILER_BYTES)
        .putInt(MAGIC).putInt(VERSION).putLong(next).putInt(payload.length).put(payload);
    CRC32C crc = new CRC32C();
    crc.update(bytes.array(), 0, bytes.position());
    bytes.putInt((int) crc.getValue()).flip();
    for (Path copy : copies) {
      replace(copy, bytes.duplicate());
    }
    generation = next;
    LegacyStateFile.delete(file);
  }

  /** The damage {@link #read} found. */
  public Damage damage() {
    return damage.total();
  }

  private void replace(Path copy, ByteBuffer bytes) throws IOException {
    Path temp = sibling(copy, ".tmp");
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      if (fsync) {
        out.force(true);
      }
    }
    Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (fsync) {
      DirectoryFsync.force(file.getParent());
    }
  }

  private record Copy(long generation, byte[] payload, @Nullable String problem) {}

  private static @Nullable Copy readCopy(Path copy) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(copy);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (bytes.length < HEADER_BYTES + TRAILER_BYTES) {
      return broken("has only " + bytes.length + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - TRAILER_BYTES);
    if ((int) crc.getValue() != buffer.getInt(bytes.length - TRAILER_BYTES)) {
      return broken("fails its checksum");
    }
    if (buffer.getInt() != MAGIC || buffer.getInt() != VERSION) {
      return broken("is not a meshwatch state file of this version");
    }
    long generation = buffer.getLong();
    int length = buffer.getInt();
    if (length != bytes.length - HEADER_BYTES - TRAILER_BYTES) {
      return broken("says " + length + " payload bytes but holds " + (bytes.length - HEADER_BYTES - TRAILER_BYTES));
    }
    return new Copy(generation, Arrays.copyOfRange(bytes, HEADER_BYTES, HEADER_BYTES + length), null);
  }

  private static Copy broken(String problem) {
    return new Copy(-1, new byte[0], problem);
  }

  private static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }
}
