package io.meshwatch.collector.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/** Writes journal segments and snapshots the way data dir format 1 (meshwatch before durable) did. */
public final class LegacyFiles {
  private LegacyFiles() {}

  /** A format-1 segment of {@code batches}, its first entry numbered {@code first}; returns the next number. */
  public static long segment(Path dataDir, long first, List<List<JournalEntry>> batches) throws IOException {
    Path dir = Files.createDirectories(dataDir.resolve("journal"));
    ByteBuffer out = ByteBuffer.allocate(1 << 20).putInt(0x4D574A4C).putInt(1);
    long next = first;
    for (List<JournalEntry> batch : batches) {
      RecordBuffer payload = new RecordBuffer();
      payload.putLong(next);
      payload.skip(4);
      payload.setInt(8, batch.size());
      batch.forEach(e -> SignalCodec.encode(e, payload));
      ByteBuffer bytes = payload.view();
      CRC32C crc = new CRC32C();
      crc.update(bytes.duplicate());
      out.putInt(bytes.remaining()).putInt((int) crc.getValue()).put(bytes);
      next += batch.size();
    }
    Files.write(dir.resolve(String.format("%020d.wal", first)), java.util.Arrays.copyOf(out.array(), out.position()));
    return next;
  }

  /** A format-1 snapshot of {@code payload} as of entry {@code sequence}. */
  public static void snapshot(Path dataDir, long sequence, byte[] payload) throws IOException {
    Path dir = Files.createDirectories(dataDir.resolve("snapshots"));
    ByteBuffer out = ByteBuffer.allocate(28 + payload.length).putLong(0x4D57534E41503031L).putLong(sequence).put(payload)
        .putLong(payload.length);
    CRC32C crc = new CRC32C();
    crc.update(out.array(), 0, out.position());
    out.putInt((int) crc.getValue());
    Files.write(dir.resolve(String.format("snapshot-%020d.bin", sequence)), out.array());
  }
}
