package io.meshwatch.collector.journal;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * One pass over the journal's segments, strict about everything: any record it cannot read, a
 * sequence that does not follow on, or a missing segment is a {@link JournalCorruptException}
 * naming file and offset. (The last segment's torn tail was already cut off when the journal
 * opened, so what is left there is whole records too.)
 */
final class JournalReplay {
  private final Path dir;
  private final List<Long> segments;
  private final long activeBytes;

  JournalReplay(Path dir, List<Long> segments, long activeBytes) {
    this.dir = dir;
    this.segments = segments;
    this.activeBytes = activeBytes;
  }

  void replay(long afterSequence, ObjLongConsumer<JournalEntry> consumer) throws IOException {
    int start = 0;
    while (start + 1 < segments.size() && segments.get(start + 1) <= afterSequence + 1) {
      start++;
    }
    long expected = segments.get(start);
    if (expected > afterSequence + 1) {
      throw new JournalCorruptException(file(start), 0, "replay after sequence " + afterSequence
          + " needs entries from " + (afterSequence + 1) + ", but the oldest segment starts at " + expected);
    }
    for (int i = start; i < segments.size(); i++) {
      if (segments.get(i) != expected) {
        throw new JournalCorruptException(file(i), 0,
            "segment starts at sequence " + segments.get(i) + ", expected " + expected);
      }
      boolean isActive = i == segments.size() - 1;
      Path file = file(i);
      long limit = isActive ? activeBytes : Files.size(file);
      expected = replaySegment(file, limit, expected, afterSequence, consumer);
    }
  }

  private long replaySegment(
      Path file, long limit, long expected, long afterSequence, ObjLongConsumer<JournalEntry> consumer)
      throws IOException {
    long next = expected;
    try (SegmentReader reader = SegmentReader.open(file, limit)) {
      SegmentReader.Record record;
      while ((record = reader.next()) != null) {
        if (record.firstSequence() != next) {
          throw new JournalCorruptException(file, record.offset(),
              "record starts at sequence " + record.firstSequence() + ", expected " + next);
        }
        if (record.lastSequence() > afterSequence) {
          deliver(file, record, afterSequence, consumer);
        }
        next += record.count();
      }
      if (reader.problem() != null) {
        throw new JournalCorruptException(file, reader.offset(), reader.problem());
      }
    }
    return next;
  }

  private static void deliver(Path file, SegmentReader.Record record, long afterSequence,
      ObjLongConsumer<JournalEntry> consumer) throws JournalCorruptException {
    long sequence = record.firstSequence();
    for (int i = 0; i < record.count(); i++, sequence++) {
      JournalEntry entry;
      try {
        entry = SignalCodec.decode(record.entries());
      } catch (IllegalArgumentException | BufferUnderflowException | ArithmeticException e) {
        throw new JournalCorruptException(file, record.offset(),
            "entry " + sequence + " does not decode: " + e.getMessage());
      }
      if (sequence > afterSequence) {
        consumer.accept(entry, sequence);
      }
    }
    if (record.entries().hasRemaining()) {
      throw new JournalCorruptException(file, record.offset(),
          record.entries().remaining() + " bytes left after the record's " + record.count() + " entries");
    }
  }

  private Path file(int index) {
    return dir.resolve(SegmentFormat.fileName(segments.get(index)));
  }
}
