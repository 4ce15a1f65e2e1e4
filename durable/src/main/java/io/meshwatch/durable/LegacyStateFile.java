package io.meshwatch.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Reads the state files of data dir format 1 (meshwatch before {@code durable}): {@code <file>} and
 * {@code <file>.prev}, each a 16-byte header (magic "MWST", version 1, payload length, CRC32 of the
 * payload) and the payload. Only read, for migration; {@link StateFile#write} deletes them.
 */
final class LegacyStateFile {
  private static final System.Logger LOG = System.getLogger(LegacyStateFile.class.getName());
  private static final int MAGIC = 0x4D575354; // "MWST"
  private static final int HEADER_BYTES = 16;

  private LegacyStateFile() {}

  static Optional<byte[]> read(Path file, DamageCounter damage) throws IOException {
    for (Path candidate : new Path[] {file, previous(file)}) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(candidate);
      } catch (NoSuchFileException e) {
        continue;
      }
      byte[] payload = payload(bytes);
      if (payload != null) {
        return Optional.of(payload);
      }
      damage.stateCopy();
      LOG.log(System.Logger.Level.WARNING, "state file {0} (format 1) is torn or damaged; trying the one before", candidate);
    }
    return Optional.empty();
  }

  static void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(previous(file));
  }

  private static byte @Nullable [] payload(byte[] bytes) {
    if (bytes.length < HEADER_BYTES) {
      return null;
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, HEADER_BYTES);
    if (header.getInt() != MAGIC || header.getInt() != 1) {
      return null;
    }
    int length = header.getInt();
    if (length != bytes.length - HEADER_BYTES) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, HEADER_BYTES, length);
    return (int) crc.getValue() == header.getInt() ? Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length) : null;
  }

  private static Path previous(Path file) {
    return file.resolveSibling(file.getFileName() + ".prev");
  }
}
