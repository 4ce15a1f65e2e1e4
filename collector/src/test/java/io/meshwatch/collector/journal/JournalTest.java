package io.meshwatch.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.durable.Damage;
import io.meshwatch.durable.DurableLog;
import io.meshwatch.durable.LogOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final LogOptions SMALL_SEGMENTS = LogOptions.DEFAULTS.withSegmentBytes(4096);

  @TempDir
  Path dir;

  @Test
  void append_returnsTheBatchsRecordSequence_andReplayGivesEveryEntryInOrder() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.append(TestEntries.range("w", 0, 3))).isEqualTo(1);
      assertThat(journal.append(TestEntries.range("w", 3, 100))).isEqualTo(2);
      assertThat(journal.append(TestEntries.range("w", 100, 101))).isEqualTo(3);
    }
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(replayAll(journal, 0)).containsExactlyElementsOf(TestEntries.range("w", 0, 101));
      assertThat(replayAll(journal, 2)).containsExactlyElementsOf(TestEntries.range("w", 100, 101));
      assertThat(journal.damage()).isEqualTo(Damage.NONE);
    }
  }

  @Test
  void append_emptyBatchWritesNothing() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      journal.append(TestEntries.range("w", 0, 2));
      assertThat(journal.append(List.of())).isEqualTo(1);
      assertThat(journal.lastSequence()).isEqualTo(1);
    }
  }

  @Test
  void replay_aRecordWhoseEntriesDoNotDecodeIsSkippedAndCounted() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      journal.append(TestEntries.range("w", 0, 2));
    }
    try (DurableLog log = DurableLog.open(dir, SMALL_SEGMENTS)) {
      // Intact as a record, but not a batch of entries: a count, then a tag no version ever had.
      log.append(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 99, 0, 0}));
    }
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      journal.append(TestEntries.range("w", 2, 3));
      assertThat(replayAll(journal, 0)).containsExactlyElementsOf(TestEntries.range("w", 0, 3));
      assertThat(journal.damage().records()).isEqualTo(1);
    }
  }

  @Test
  void append_concurrentAppendersGetEveryEntryInExactlyOnce() throws Exception {
    int writers = 4;
    int perWriter = 5_000;
    try (Journal journal = Journal.open(dir, LogOptions.DEFAULTS.withSegmentBytes(256 << 10))) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          String writer = "w" + w;
          Random random = new Random(w);
          done.add(pool.submit(() -> {
            start.await();
            for (int n = 0; n < perWriter; ) {
              int size = Math.min(perWriter - n, 1 + random.nextInt(25));
              journal.append(TestEntries.range(writer, n, n + size));
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
    try (Journal journal = Journal.open(dir, LogOptions.DEFAULTS)) {
      List<JournalEntry> all = replayAll(journal, 0);
      for (int w = 0; w < writers; w++) {
        String writer = "w" + w;
        assertThat(all.stream().filter(e -> e.signal().product().name().equals(writer)).toList())
            .containsExactlyElementsOf(TestEntries.range(writer, 0, perWriter));
      }
    }
  }

  static List<JournalEntry> replayAll(Journal journal, long after) throws IOException {
    List<JournalEntry> seen = new ArrayList<>();
    journal.replay(after, seen::add);
    return seen;
  }
}
