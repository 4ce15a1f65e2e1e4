package io.meshwatch.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final JournalOptions SMALL_SEGMENTS = JournalOptions.DEFAULTS.withSegmentBytes(1024);

  @TempDir Path dir;

  record Sequenced(long sequence, JournalEntry entry) {}

  @Test
  void append_returnsTheSequenceOfTheBatchsLastEntry() throws IOException {
    try (Journal journal = Journal.open(dir)) {
      assertThat(journal.lastSequence()).isZero();
      assertThat(journal.append(TestEntries.range("w", 0, 3))).isEqualTo(3);
      assertThat(journal.append(TestEntries.range("w", 3, 5))).isEqualTo(5);
      assertThat(journal.lastSequence()).isEqualTo(5);
    }
    assertThat(segments()).containsExactly("00000000000000000001.wal");
  }

  @Test
  void append_emptyBatchWritesNothing() throws IOException {
    try (Journal journal = Journal.open(dir)) {
      journal.append(TestEntries.range("w", 0, 2));
      long size = Files.size(dir.resolve("00000000000000000001.wal"));

      assertThat(journal.append(List.of())).isEqualTo(2);
      assertThat(Files.size(dir.resolve("00000000000000000001.wal"))).isEqualTo(size);
    }
  }

  @Test
  void replay_deliversTheEntriesAfterTheSequenceInOrder() throws IOException {
    try (Journal journal = Journal.open(dir)) {
      journal.append(TestEntries.range("w", 0, 4));
      journal.append(TestEntries.range("w", 4, 10));

      List<JournalEntry> seen = new ArrayList<>();
      long last = journal.replay(3, seen::add);

      assertThat(seen).containsExactlyElementsOf(TestEntries.range("w", 3, 10));
      assertThat(last).isEqualTo(10);
      assertThat(replayAll(journal, 10)).isEmpty();
    }
  }

  @Test
  void reopen_continuesTheSequenceAcrossRotatedSegments() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      for (int batch = 0; batch < 50; batch++) {
        journal.append(TestEntries.range("w", batch * 5L, batch * 5L + 5));
      }
    }
    assertThat(segments()).hasSizeGreaterThan(5);
    assertThat(segments().get(0)).isEqualTo("00000000000000000001.wal");

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastSequence()).isEqualTo(250);
      assertThat(entries(replayAll(journal, 0))).containsExactlyElementsOf(TestEntries.range("w", 0, 250));
      assertThat(entries(replayAll(journal, 123))).containsExactlyElementsOf(TestEntries.range("w", 123, 250));
      assertThat(journal.append(TestEntries.range("w", 250, 255))).isEqualTo(255);
    }
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      List<Sequenced> all = replayAll(journal, 0);
      assertThat(entries(all)).containsExactlyElementsOf(TestEntries.range("w", 0, 255));
      assertThat(all).extracting(Sequenced::sequence).containsExactlyElementsOf(sequences(1, 255));
    }
  }

  @Test
  void truncateThrough_deletesOnlySegmentsWhollyCovered() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      for (int batch = 0; batch < 40; batch++) {
        journal.append(TestEntries.range("w", batch * 5L, batch * 5L + 5));
      }
      List<Long> before = SegmentFormat.list(dir);

      journal.truncateThrough(before.get(2) - 1 + 3);

      assertThat(SegmentFormat.list(dir)).containsExactlyElementsOf(before.subList(2, before.size()));
      long from = before.get(2) - 1;
      assertThat(entries(replayAll(journal, from))).containsExactlyElementsOf(TestEntries.range("w", from, 200));
      assertThatThrownBy(() -> replayAll(journal, from - 1))
          .isInstanceOf(JournalCorruptException.class)
          .hasMessageContaining("oldest segment starts at " + before.get(2));
    }
  }

  @Test
  void truncateThrough_allKeepsTheActiveSegmentSoSequencesSurviveRestart() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      for (int batch = 0; batch < 40; batch++) {
        journal.append(TestEntries.range("w", batch * 5L, batch * 5L + 5));
      }
      journal.truncateThrough(200);
    }
    assertThat(segments()).hasSize(1);
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastSequence()).isEqualTo(200);
      assertThat(replayAll(journal, 200)).isEmpty();
      assertThat(journal.append(TestEntries.range("w", 200, 201))).isEqualTo(201);
    }
  }

  @Test
  void replay_afterTheJournalsEndIsReported() throws IOException {
    try (Journal journal = Journal.open(dir)) {
      journal.append(TestEntries.range("w", 0, 3));

      assertThatThrownBy(() -> replayAll(journal, 7))
          .isInstanceOf(JournalCorruptException.class)
          .hasMessageContaining("journal ends at sequence 3");
    }
  }

  @Test
  void append_afterCloseFails() throws IOException {
    Journal journal = Journal.open(dir);
    journal.close();

    assertThatThrownBy(() -> journal.append(TestEntries.range("w", 0, 1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void open_aFileThatIsNotASegmentIsReported() throws IOException {
    Path file = dir.resolve("00000000000000000001.wal");
    Files.write(file, "this is not a journal".getBytes());

    assertThatThrownBy(() -> Journal.open(dir))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining("not a meshwatch journal segment")
        .extracting(e -> ((JournalCorruptException) e).file())
        .isEqualTo(file);
  }

  @Test
  void open_partialHeaderOfANewSegmentIsRewritten() throws IOException {
    try (Journal journal = Journal.open(dir)) {
      journal.append(TestEntries.range("w", 0, 4));
    }
    // A crash right after creating the next segment, before its header was written.
    Files.write(dir.resolve(SegmentFormat.fileName(5)), new byte[] {0x4D, 0x57});

    try (Journal journal = Journal.open(dir)) {
      assertThat(journal.lastSequence()).isEqualTo(4);
      assertThat(journal.append(TestEntries.range("w", 4, 6))).isEqualTo(6);
      assertThat(entries(replayAll(journal, 0))).containsExactlyElementsOf(TestEntries.range("w", 0, 6));
    }
  }

  @Test
  void append_alwaysPolicyHasTheEntriesOnDiskBeforeReturning() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS.withFsync(FsyncPolicy.ALWAYS))) {
      for (int batch = 0; batch < 20; batch++) {
        long last = journal.append(TestEntries.range("w", batch * 5L, batch * 5L + 5));
        assertThat(journal.syncedSequence()).isGreaterThanOrEqualTo(last);
      }
    }
    try (Journal journal = Journal.open(dir)) {
      assertThat(entries(replayAll(journal, 0))).containsExactlyElementsOf(TestEntries.range("w", 0, 100));
    }
  }

  @Test
  void append_nonePolicyLeavesFlushingToTheOs() throws IOException {
    try (Journal journal = Journal.open(dir)) {
      journal.append(TestEntries.range("w", 0, 5));

      assertThat(journal.syncedSequence()).isZero();
      journal.sync();
      assertThat(journal.syncedSequence()).isEqualTo(5);
    }
  }

  @Test
  void append_concurrentAppendersGetEveryEntryInExactlyOnce() throws Exception {
    int writers = 4;
    int perWriter = 10_000;
    try (Journal journal = Journal.open(dir, JournalOptions.DEFAULTS.withSegmentBytes(256 << 10))) {
      appendConcurrently(journal, writers, perWriter, 25);
      assertThat(journal.lastSequence()).isEqualTo((long) writers * perWriter);
    }
    assertThat(SegmentFormat.list(dir)).hasSizeGreaterThan(1);

    try (Journal journal = Journal.open(dir)) {
      List<Sequenced> all = replayAll(journal, 0);
      assertThat(all).extracting(Sequenced::sequence).containsExactlyElementsOf(sequences(1, writers * perWriter));
      for (int w = 0; w < writers; w++) {
        String writer = "w" + w;
        List<JournalEntry> own =
            entries(all).stream().filter(e -> e.signal().product().name().equals(writer)).toList();
        assertThat(own).containsExactlyElementsOf(TestEntries.range(writer, 0, perWriter));
      }
    }
  }

  @Test
  void append_concurrentAppendersUnderAlwaysAreAllFlushed() throws Exception {
    try (Journal journal = Journal.open(dir, JournalOptions.DEFAULTS.withFsync(FsyncPolicy.ALWAYS))) {
      appendConcurrently(journal, 4, 200, 4);

      assertThat(journal.syncedSequence()).isEqualTo(800);
      assertThat(replayAll(journal, 0)).extracting(Sequenced::sequence).containsExactlyElementsOf(sequences(1, 800));
    }
  }

  @Test
  void append_intervalPolicyFlushesInTheBackground() throws IOException {
    try (Journal journal = Journal.open(dir, JournalOptions.DEFAULTS.withFsync(FsyncPolicy.interval(Duration.ofMillis(20))))) {
      long last = journal.append(TestEntries.range("w", 0, 10));

      await().atMost(Duration.ofSeconds(10)).until(() -> journal.syncedSequence() == last);
    }
  }

  /** Each writer appends its entries 0..perWriter-1 in batches of 1..maxBatch, all writers at once. */
  private static void appendConcurrently(Journal journal, int writers, int perWriter, int maxBatch) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String writer = "w" + w;
        Random random = new Random(w);
        done.add(pool.submit(() -> {
          start.await();
          long previous = 0;
          for (int n = 0; n < perWriter; ) {
            int size = Math.min(perWriter - n, 1 + random.nextInt(maxBatch));
            long last = journal.append(TestEntries.range(writer, n, n + size));
            assertThat(last).isGreaterThan(previous);
            previous = last;
            n += size;
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Sequenced> replayAll(Journal journal, long after) throws IOException {
    List<Sequenced> seen = new ArrayList<>();
    journal.replaySequenced(after, (entry, sequence) -> seen.add(new Sequenced(sequence, entry)));
    return seen;
  }

  static List<JournalEntry> entries(List<Sequenced> sequenced) {
    return sequenced.stream().map(Sequenced::entry).toList();
  }

  static List<Long> sequences(long from, long through) {
    List<Long> sequences = new ArrayList<>();
    for (long s = from; s <= through; s++) {
      sequences.add(s);
    }
    return sequences;
  }

  private List<String> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
