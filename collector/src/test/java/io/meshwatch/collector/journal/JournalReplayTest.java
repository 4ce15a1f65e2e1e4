package io.meshwatch.collector.journal;

import static io.meshwatch.collector.journal.JournalTest.replayAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReplayTest {
  private static final JournalOptions SMALL_SEGMENTS = JournalOptions.DEFAULTS.withSegmentBytes(1024);

  @TempDir Path dir;
  private List<Long> segments;

  @BeforeEach
  void writeSeveralSegments() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      for (int batch = 0; batch < 30; batch++) {
        journal.append(TestEntries.range("w", batch * 5L, batch * 5L + 5));
      }
    }
    segments = SegmentFormat.list(dir);
    assertThat(segments).hasSizeGreaterThan(3);
  }

  @Test
  void replay_damageInsideAnEarlierSegmentNamesFileAndOffset() throws IOException {
    Path file = dir.resolve(SegmentFormat.fileName(segments.get(1)));
    long second = recordOffsets(file).get(1);
    flipByte(file, second + SegmentFormat.RECORD_HEADER_BYTES + 20);

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThatThrownBy(() -> replayAll(journal, 0))
          .isInstanceOfSatisfying(JournalCorruptException.class, e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.offset()).isEqualTo(second);
            assertThat(e).hasMessageContaining("CRC mismatch");
          });
      // Entries before the damaged segment are not needed after a snapshot past it.
      long afterDamage = segments.get(2) - 1;
      assertThat(replayAll(journal, afterDamage)).hasSize((int) (150 - afterDamage));
    }
  }

  @Test
  void replay_truncatedEarlierSegmentIsDamageNotATornTail() throws IOException {
    Path file = dir.resolve(SegmentFormat.fileName(segments.get(0)));
    long size = Files.size(file);
    try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(size - 3);
    }

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThatThrownBy(() -> replayAll(journal, 0))
          .isInstanceOf(JournalCorruptException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("partial record");
    }
  }

  @Test
  void replay_missingMiddleSegmentIsAGap() throws IOException {
    Files.delete(dir.resolve(SegmentFormat.fileName(segments.get(1))));

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThatThrownBy(() -> replayAll(journal, 0))
          .isInstanceOf(JournalCorruptException.class)
          .hasMessageContaining("segment starts at sequence " + segments.get(2) + ", expected " + segments.get(1));
    }
  }

  private static List<Long> recordOffsets(Path file) throws IOException {
    List<Long> offsets = new ArrayList<>();
    try (SegmentReader reader = SegmentReader.open(file, Files.size(file))) {
      SegmentReader.Record record;
      while ((record = reader.next()) != null) {
        offsets.add(record.offset());
      }
    }
    return offsets;
  }

  private static void flipByte(Path file, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= 0x40;
    Files.write(file, bytes);
  }
}
