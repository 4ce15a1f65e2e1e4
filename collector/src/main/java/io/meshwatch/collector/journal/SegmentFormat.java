package io.meshwatch.collector.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal's file layout. A segment is named after the sequence number of its first entry,
 * zero-padded to 20 digits so names sort like numbers, and starts with an 8-byte header (magic,
 * version). Then come records: {@code int length, int crc32c, payload}, where the payload is
 * {@code long firstSequence, int count} and {@code count} encoded entries, and the CRC covers the
 * payload.
 */
final class SegmentFormat {
  static final int MAGIC = 0x4D574A4C; // "MWJL"
  static final int VERSION = 1;
  static final int HEADER_BYTES = 8;
  /** length + crc. */
  static final int RECORD_HEADER_BYTES = 8;
  /** firstSequence + count. */
  static final int PAYLOAD_PREFIX_BYTES = 12;
  /** A batch bigger than this is refused; a length field bigger than this is damage. */
  static final int MAX_PAYLOAD_BYTES = 64 << 20;

  private static final Pattern NAME = Pattern.compile("(\\d{20})\\.wal");

  private SegmentFormat() {}

  static String fileName(long firstSequence) {
    return String.format("%020d.wal", firstSequence);
  }

  /** First sequence numbers of the segments in {@code dir}, ascending. */
  static List<Long> list(Path dir) throws IOException {
    List<Long> bases = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.wal")) {
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

  static byte[] header() {
    return new byte[] {
      (byte) (MAGIC >>> 24), (byte) (MAGIC >>> 16), (byte) (MAGIC >>> 8), (byte) MAGIC, 0, 0, 0, VERSION
    };
  }
}
