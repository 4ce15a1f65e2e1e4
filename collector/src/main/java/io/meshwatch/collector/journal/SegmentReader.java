package io.meshwatch.collector.journal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Reads a segment's records in order, checking each one's length and CRC. It stops at the first
 * record it cannot trust and says why and where ({@link #problem()}, {@link #offset()}); whether
 * that is a torn tail to cut off or damage to report is the caller's call.
 */
final class SegmentReader implements Closeable {

  /** A record whose CRC matched; {@code entries} is positioned at the first entry and is only valid until the next read. */
  record Record(long offset, long firstSequence, int count, ByteBuffer entries) {
    long lastSequence() {
      return firstSequence + count - 1;
    }
  }

  private final Path file;
  private final DataInputStream in;
  private final long limit;
  private final CRC32C crc = new CRC32C();
  private byte[] payload = new byte[64 << 10];
  private long offset;
  private @Nullable String problem;

  private SegmentReader(Path file, DataInputStream in, long limit) {
    this.file = file;
    this.in = in;
    this.limit = limit;
  }

  /**
   * Opens {@code file} to read its first {@code limit} bytes.
   *
   * @throws JournalCorruptException when the file does not start with a journal header
   */
  static SegmentReader open(Path file, long limit) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    try {
      if (limit < SegmentFormat.HEADER_BYTES) {
        throw new JournalCorruptException(file, 0, "shorter than the segment header (" + limit + " bytes)");
      }
      int magic = in.readInt();
      int version = in.readInt();
      if (magic != SegmentFormat.MAGIC || version != SegmentFormat.VERSION) {
        throw new JournalCorruptException(
            file, 0, String.format("not a meshwatch journal segment (magic %08x, version %d)", magic, version));
      }
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    SegmentReader reader = new SegmentReader(file, in, limit);
    reader.offset = SegmentFormat.HEADER_BYTES;
    return reader;
  }

  /** The next valid record, or null at the end or at the first record that is not valid. */
  @Nullable Record next() throws IOException {
    long left = limit - offset;
    if (left == 0 || problem != null) {
      return null;
    }
    if (left < SegmentFormat.RECORD_HEADER_BYTES) {
      return fail("partial record header (" + left + " bytes)");
    }
    int length = in.readInt();
    int expectedCrc = in.readInt();
    if (length < SegmentFormat.PAYLOAD_PREFIX_BYTES || length > SegmentFormat.MAX_PAYLOAD_BYTES) {
      return fail("record length " + length + " out of range");
    }
    if (left - SegmentFormat.RECORD_HEADER_BYTES < length) {
      return fail("partial record (" + length + " bytes declared, "
          + (left - SegmentFormat.RECORD_HEADER_BYTES) + " present)");
    }
    if (payload.length < length) {
      payload = new byte[Math.max(length, payload.length * 2)];
    }
    in.readFully(payload, 0, length);
    crc.reset();
    crc.update(payload, 0, length);
    if ((int) crc.getValue() != expectedCrc) {
      return fail("CRC mismatch");
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload, 0, length);
    long firstSequence = buffer.getLong();
    int count = buffer.getInt();
    if (count < 1 || firstSequence < 1) {
      return fail("record claims " + count + " entries from sequence " + firstSequence);
    }
    Record record = new Record(offset, firstSequence, count, buffer);
    offset += SegmentFormat.RECORD_HEADER_BYTES + length;
    return record;
  }

  /** Offset of the next record to read, or of the invalid record once {@link #problem()} is set. */
  long offset() {
    return offset;
  }

  /** Why reading stopped before the limit, or null if it did not (yet). */
  @Nullable String problem() {
    return problem;
  }

  Path file() {
    return file;
  }

  private @Nullable Record fail(String reason) {
    problem = reason;
    return null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
