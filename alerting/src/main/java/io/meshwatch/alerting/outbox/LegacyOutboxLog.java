package io.meshwatch.alerting.outbox;

import io.meshwatch.durable.Damage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Reads the outbox log of data dir format 1 ({@code outbox.log}: an 8-byte magic, then records of
 * {@code int length, int crc32, body}), for migration. The format has nothing to resynchronise on,
 * so reading stops at the first record that fails its check: the rest is counted as damage, except
 * a record cut short at the very end, which is a torn write that was never acknowledged.
 */
final class LegacyOutboxLog {
  static final String FILE = "outbox.log";
  private static final long MAGIC = 0x4D574F5554425831L; // "MWOUTBX1"
  private static final System.Logger LOG = System.getLogger(LegacyOutboxLog.class.getName());

  private LegacyOutboxLog() {}

  /** Hands every intact record to {@code replay}, in order; returns the damage met. */
  static Damage read(Path file, Consumer<LogRecord> replay) throws IOException {
    ByteBuffer log = ByteBuffer.wrap(Files.readAllBytes(file));
    if (log.remaining() < 8 || log.getLong() != MAGIC) {
      return skip(file, 0, log.capacity());
    }
    while (log.remaining() > 0) {
      int at = log.position();
      if (log.remaining() < 8) {
        return Damage.NONE;
      }
      int length = log.getInt();
      int crc = log.getInt();
      if (length < 1 || length > 16 << 20) {
        return skip(file, at, log.capacity() - at);
      }
      if (length > log.remaining()) {
        return Damage.NONE;
      }
      byte[] body = new byte[length];
      log.get(body);
      CRC32 check = new CRC32();
      check.update(body);
      LogRecord record;
      try {
        record = (int) check.getValue() == crc ? LogRecord.decodeFormatOne(body) : null;
      } catch (IOException | RuntimeException e) {
        record = null;
      }
      if (record == null) {
        return skip(file, at, log.capacity() - at);
      }
      replay.accept(record);
    }
    return Damage.NONE;
  }

  private static Damage skip(Path file, int at, int bytes) {
    LOG.log(System.Logger.Level.WARNING, "outbox log {0} (format 1): {1} bytes from offset {2} cannot be read and are "
        + "skipped", file, bytes, at);
    return new Damage(1, bytes, 0, 0, 0);
  }
}
