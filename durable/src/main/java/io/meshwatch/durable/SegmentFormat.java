package io.meshwatch.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The log's file layout. A segment is named after the sequence of its first record, zero-padded to
 * 20 digits so names sort like numbers, and starts with a 24-byte header: magic, version, that
 * first sequence, CRC32C of the 20 bytes before it. Then come records, each framed so that a reader
 * can check it alone and find the next one after damage:
 *
 * <pre>
 * int  marker        0x9E4D5752, where every record starts (a reader resynchronises on it)
 * int  length        of the payload, 0 .. 64 MiB
 * long sequence      one more than the record before it, unless damage removed some
 * int  payloadCrc    CRC32C of the payload
 * int  headerCrc     CRC32C of the 20 bytes before it
 * ...  payload
 * </pre>
 */
final class SegmentFormat {
  static final long MAGIC = 0x4D57444C4F473031L; // "MWDLOG01"
  static final int VERSION = 1;
  static final int HEADER_BYTES = 24;
  static final int MARKER = 0x9E4D5752;
  static final int RECORD_HEADER_BYTES = 24;
  /** A record bigger than this is refused; a length field bigger than this is damage. */
  static final int MAX_PAYLOAD_BYTES = 64 << 20;
  static final String SUFFIX = ".seg";

  private static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");

  private SegmentFormat() {}

  static String fileName(long firstSequence) {
    return String.format("%020d%s", firstSequence, SUFFIX);
  }

  /** First sequences of the segments in {@code dir}, ascending. */
  static List<Long> list(Path dir) throws IOException {
    List<Long> bases = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : files) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (m.matches()) {
          bases.add(Long.parseLong(m.group(1)));
        }
      }
    }
    Collections.sort(bases);
    return bases;
  }

  static ByteBuffer header(long firstSequence) {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putLong(MAGIC).putInt(VERSION).putLong(firstSequence);
    return header.putInt(crc(header.array(), 0, 20)).flip();
  }

  /** Whether the 24 bytes at {@code at} are the header of the segment starting at {@code firstSequence}. */
  static boolean validHeader(byte[] bytes, int at, long firstSequence) {
    ByteBuffer header = ByteBuffer.wrap(bytes, at, HEADER_BYTES);
    return header.getLong() == MAGIC && header.getInt() == VERSION && header.getLong() == firstSequence
        && header.getInt() == crc(bytes, at, 20);
  }

  /** Fills the 24 bytes of a record header at {@code at}, for a payload with {@code payloadCrc}. */
  static void recordHeader(byte[] into, int at, int length, long sequence, int payloadCrc) {
    ByteBuffer header = ByteBuffer.wrap(into, at, RECORD_HEADER_BYTES);
    header.putInt(MARKER).putInt(length).putLong(sequence).putInt(payloadCrc);
    header.putInt(crc(into, at, 20));
  }

  static int crc(byte[] bytes, int from, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, length);
    return (int) crc.getValue();
  }

}
