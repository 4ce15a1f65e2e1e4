package io.meshwatch.collector.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where the last segment's whole records end. A process killed inside a write, or a machine
 * that lost power before the OS wrote back, leaves a partial or garbled record at the end of the
 * last segment; such a record was never acknowledged, so it and everything after it are cut off
 * with a warning. A record with a valid CRC but the wrong sequence number is not a torn write and
 * is reported as corruption.
 */
final class TailRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(TailRecovery.class);

  /** Where the last segment's valid records end, and the sequence of its last entry. */
  record Tail(long validBytes, long lastSequence) {}

  private TailRecovery() {}

  static Tail recover(Path file, long firstSequence) throws IOException {
    long size = Files.size(file);
    if (size < SegmentFormat.HEADER_BYTES) {
      LOG.warn("journal segment {} has a partial header ({} bytes), probably from a crash while "
          + "creating it; rewriting the header", file, size);
      return new Tail(0, firstSequence - 1);
    }
    long expected = firstSequence;
    try (SegmentReader reader = SegmentReader.open(file, size)) {
      SegmentReader.Record record;
      while ((record = reader.next()) != null) {
        if (record.firstSequence() != expected) {
          throw new JournalCorruptException(file, record.offset(),
              "record starts at sequence " + record.firstSequence() + ", expected " + expected);
        }
        expected += record.count();
      }
      if (reader.problem() != null) {
        LOG.warn("journal segment {}: {} at offset {}; cutting off the torn tail of {} bytes "
                + "(an append that was never acknowledged)",
            file, reader.problem(), reader.offset(), size - reader.offset());
      }
      return new Tail(reader.offset(), expected - 1);
    }
  }
}
