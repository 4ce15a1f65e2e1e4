package io.meshwatch.collector.journal;

import static io.meshwatch.collector.journal.JournalTest.entries;
import static io.meshwatch.collector.journal.JournalTest.replayAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailRecoveryTest {
  private static final String SEGMENT = SegmentFormat.fileName(1);

  @TempDir Path dir;

  @Test
  void open_tornLastRecordAtEveryOffsetLosesExactlyThatRecord() throws IOException {
    Path original = dir.resolve("original");
    long keptBytes;
    try (Journal journal = Journal.open(original)) {
      journal.append(TestEntries.range("w", 0, 5));
      journal.append(TestEntries.range("w", 5, 8));
      keptBytes = Files.size(original.resolve(SEGMENT));
      journal.append(TestEntries.range("w", 8, 12));
    }
    byte[] bytes = Files.readAllBytes(original.resolve(SEGMENT));
    assertThat(bytes.length).isGreaterThan((int) keptBytes + 20);

    for (int cut = (int) keptBytes; cut < bytes.length; cut++) {
      Path torn = dir.resolve("cut-" + cut);
      Files.createDirectories(torn);
      Files.write(torn.resolve(SEGMENT), Arrays.copyOf(bytes, cut));

      try (Journal journal = Journal.open(torn)) {
        assertThat(journal.lastSequence()).as("cut at %d", cut).isEqualTo(8);
        assertThat(entries(replayAll(journal, 0))).as("cut at %d", cut)
            .containsExactlyElementsOf(TestEntries.range("w", 0, 8));
        assertThat(Files.size(torn.resolve(SEGMENT))).isEqualTo(keptBytes);
        assertThat(journal.append(TestEntries.range("x", 0, 1))).isEqualTo(9);
      }
      try (Journal journal = Journal.open(torn)) {
        assertThat(entries(replayAll(journal, 7)))
            .containsExactly(TestEntries.entry("w", 7), TestEntries.entry("x", 0));
      }
    }
  }

  @Test
  void open_badCrcInTheLastRecordCutsItOff() throws IOException {
    long keptBytes = writeThreeBatches();
    Path file = dir.resolve(SEGMENT);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(file, bytes);

    try (Journal journal = Journal.open(dir)) {
      assertThat(journal.lastSequence()).isEqualTo(8);
      assertThat(entries(replayAll(journal, 0))).containsExactlyElementsOf(TestEntries.range("w", 0, 8));
    }
    assertThat(Files.size(file)).isEqualTo(keptBytes);
  }

  @Test
  void open_zeroedTailAfterPowerLossIsCutOff() throws IOException {
    long keptBytes = writeThreeBatches();
    Path file = dir.resolve(SEGMENT);
    byte[] bytes = Files.readAllBytes(file);
    // The file's size reached the disk but the last record's data did not.
    Arrays.fill(bytes, (int) keptBytes, bytes.length, (byte) 0);
    Files.write(file, bytes);

    try (Journal journal = Journal.open(dir)) {
      assertThat(journal.lastSequence()).isEqualTo(8);
    }
    assertThat(Files.size(file)).isEqualTo(keptBytes);
  }

  @Test
  void open_recordOutOfSequenceIsCorruptionNotATornTail() throws IOException {
    try (Journal journal = Journal.open(dir)) {
      journal.append(TestEntries.range("w", 0, 2));
    }
    // A segment named for sequence 5 whose records start at 1: renamed by hand, say.
    Files.move(dir.resolve(SEGMENT), dir.resolve(SegmentFormat.fileName(5)));

    assertThatThrownBy(() -> Journal.open(dir))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining("record starts at sequence 1, expected 5")
        .extracting(e -> ((JournalCorruptException) e).offset())
        .isEqualTo((long) SegmentFormat.HEADER_BYTES);
  }

  private long writeThreeBatches() throws IOException {
    long keptBytes;
    try (Journal journal = Journal.open(dir)) {
      journal.append(TestEntries.range("w", 0, 5));
      journal.append(TestEntries.range("w", 5, 8));
      keptBytes = Files.size(dir.resolve(SEGMENT));
      journal.append(TestEntries.range("w", 8, 12));
    }
    assertThat(List.of(Files.size(dir.resolve(SEGMENT)))).allMatch(size -> size > keptBytes);
    return keptBytes;
  }
}
