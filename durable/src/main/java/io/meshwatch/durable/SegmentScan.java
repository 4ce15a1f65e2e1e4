package io.meshwatch.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * One pass over a segment that checks every record on its own. A valid record goes to the visitor;
 * a record whose payload fails its CRC is skipped by its (checked) length; bytes that hold no valid
 * header are stepped over to the next marker that starts a valid one. In the active segment, a
 * record cut short at the very end, with the bytes present intact, is a torn write that was never
 * acknowledged ({@link Result#tornBytes()}); anything else that is wrong is damage.
 */
final class SegmentScan {

  /** Receives each valid record; {@code bytes} holds its frame at {@code at} only during the call. */
  @FunctionalInterface
  interface Visitor {
    void record(long sequence, byte[] bytes, int at, int frameBytes) throws IOException;
  }

  /**
   * What a scan found: the last valid record's sequence ({@code firstSequence - 1} when none), where
   * valid records end, the torn tail after them, and the damage stepped over.
   */
  record Result(long lastSequence, long validEnd, long tornBytes, long recordsSkipped, long bytesSkipped,
      boolean headerDamaged) {
    boolean damaged() {
      return headerDamaged || bytesSkipped > 0;
    }

    Damage damage() {
      return new Damage(recordsSkipped, bytesSkipped, 0, 0, 0);
    }
  }

  private final FileWindow window;
  private final long size;
  private final long firstSequence;
  private final boolean active;
  private long last;
  private long damageStart = -1;
  private long recordsSkipped;
  private long bytesSkipped;

  private SegmentScan(FileWindow window, long firstSequence, boolean active) {
    this.window = window;
    this.size = window.size();
    this.firstSequence = firstSequence;
    this.active = active;
    this.last = firstSequence - 1;
  }

  /** Scans the first {@code size} bytes of {@code file}, the segment of {@code firstSequence}. */
  static Result scan(Path file, long firstSequence, long size, boolean active, Visitor visitor) throws IOException {
    try (FileWindow window = new FileWindow(file, size)) {
      return new SegmentScan(window, firstSequence, active).run(visitor);
    }
  }

  private Result run(Visitor visitor) throws IOException {
    if (size < SegmentFormat.HEADER_BYTES) {
      // A crash while creating the segment leaves a prefix of its header; anything else is damage.
      boolean torn = active && isPrefix(0, SegmentFormat.header(firstSequence));
      return new Result(last, 0, torn ? size : 0, 0, torn ? 0 : size, !torn);
    }
    int at = window.load(0, SegmentFormat.HEADER_BYTES);
    boolean headerDamaged = !SegmentFormat.validHeader(window.bytes(), at, firstSequence);
    if (headerDamaged) {
      bytesSkipped += SegmentFormat.HEADER_BYTES;
    }
    long pos = SegmentFormat.HEADER_BYTES;
    long validEnd = pos;
    long torn = 0;
    while (pos < size) {
      long left = size - pos;
      if (left < SegmentFormat.RECORD_HEADER_BYTES) {
        if (active && damageStart < 0 && isPrefix(pos, markerBytes())) {
          torn = left;
        } else {
          startDamage(pos);
        }
        break;
      }
      int h = window.load(pos, SegmentFormat.RECORD_HEADER_BYTES);
      if (!validRecordHeader(window.bytes(), h)) {
        startDamage(pos);
        pos = nextCandidate(pos + 1);
        continue;
      }
      ByteBuffer header = ByteBuffer.wrap(window.bytes(), h, SegmentFormat.RECORD_HEADER_BYTES);
      header.getInt();
      int length = header.getInt();
      long sequence = header.getLong();
      int payloadCrc = header.getInt();
      int frame = SegmentFormat.RECORD_HEADER_BYTES + length;
      if (left < frame) {
        if (active && damageStart < 0) {
          torn = left;
        } else {
          startDamage(pos);
        }
        break;
      }
      endDamage(pos, sequence);
      int f = window.load(pos, frame);
      if (SegmentFormat.crc(window.bytes(), f + SegmentFormat.RECORD_HEADER_BYTES, length) == payloadCrc) {
        visitor.record(sequence, window.bytes(), f, frame);
        validEnd = pos + frame;
      } else {
        recordsSkipped++;
        bytesSkipped += frame;
      }
      last = sequence;
      pos += frame;
    }
    if (damageStart >= 0) {
      // Damage up to the end: at least one record is in it.
      recordsSkipped++;
      bytesSkipped += size - torn - damageStart;
    }
    return new Result(last, validEnd, torn, recordsSkipped, bytesSkipped, headerDamaged);
  }

  private boolean validRecordHeader(byte[] bytes, int at) {
    ByteBuffer header = ByteBuffer.wrap(bytes, at, SegmentFormat.RECORD_HEADER_BYTES);
    if (header.getInt() != SegmentFormat.MARKER) {
      return false;
    }
    int length = header.getInt();
    long sequence = header.getLong();
    header.getInt();
    return header.getInt() == SegmentFormat.crc(bytes, at, 20)
        && length >= 0 && length <= SegmentFormat.MAX_PAYLOAD_BYTES && sequence > last;
  }

  /** The offset of the next valid record header at or after {@code from}, else the end. */
  private long nextCandidate(long from) throws IOException {
    for (long q = from; q + SegmentFormat.RECORD_HEADER_BYTES <= size; q++) {
      int at = window.load(q, SegmentFormat.RECORD_HEADER_BYTES);
      byte[] bytes = window.bytes();
      if (bytes[at] == (byte) (SegmentFormat.MARKER >>> 24) && validRecordHeader(bytes, at)) {
        return q;
      }
    }
    return size;
  }

  private void startDamage(long pos) {
    if (damageStart < 0) {
      damageStart = pos;
    }
  }

  /** A valid header at {@code pos} ends a damaged region before it, whose records its sequence tells. */
  private void endDamage(long pos, long sequence) {
    if (damageStart >= 0) {
      recordsSkipped += Math.max(1, sequence - last - 1);
      bytesSkipped += pos - damageStart;
      damageStart = -1;
    }
  }

  private boolean isPrefix(long pos, ByteBuffer expected) throws IOException {
    int count = (int) Math.min(size - pos, expected.remaining());
    int at = window.load(pos, count);
    for (int i = 0; i < count; i++) {
      if (window.bytes()[at + i] != expected.get(expected.position() + i)) {
        return false;
      }
    }
    return true;
  }

  private static ByteBuffer markerBytes() {
    return ByteBuffer.allocate(4).putInt(SegmentFormat.MARKER).flip();
  }
}
