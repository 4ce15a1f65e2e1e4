package io.meshwatch.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
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

class DurableLogTest {
  private static final LogOptions SMALL = LogOptions.DEFAULTS.withSegmentBytes(1024);

  @TempDir
  Path dir;

  @Test
  void append_numbersRecordsFromOneAndReopenContinues() throws IOException {
    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      assertThat(log.append(record(0, 100))).isEqualTo(1);
      assertThat(log.append(record(1, 100))).isEqualTo(2);
    }
    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      assertThat(log.lastSequence()).isEqualTo(2);
      assertThat(log.append(record(2, 100))).isEqualTo(3);
      assertThat(replayAll(log, 0)).containsExactly(0, 1, 2);
      assertThat(replayAll(log, 2)).containsExactly(2);
    }
  }

  @Test
  void append_rollsOverAndABigRecordGetsASegmentOfItsOwn() throws IOException {
    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      for (int i = 0; i < 30; i++) {
        log.append(record(i, i == 10 ? 5000 : 100));
      }
    }
    assertThat(SegmentFormat.list(dir)).hasSizeGreaterThan(3).contains(11L, 12L);
    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      assertThat(replayAll(log, 0)).hasSize(30);
      assertThat(replayAll(log, 20)).first().isEqualTo(20);
    }
  }

  @Test
  void snapshot_keepsThePreviousSnapshotAndTheRecordsSinceIt() throws IOException {
    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      for (int i = 0; i < 60; i++) {
        log.append(record(i, 100));
        if (i == 19 || i == 39) {
          log.snapshot(log.lastSequence(), out -> out.writeUTF("state"));
        }
      }
      List<Long> segments = SegmentFormat.list(dir);
      assertThat(segments.get(0)).isLessThanOrEqualTo(21L);
      assertThat(segments.size() > 1 ? segments.get(1) : Long.MAX_VALUE).isGreaterThan(20L);
      assertThat(snapshots()).containsExactly(Snapshots.fileName(20), Snapshots.fileName(40));
      log.snapshot(log.lastSequence(), out -> out.writeUTF("state"));
      assertThat(snapshots()).containsExactly(Snapshots.fileName(40), Snapshots.fileName(60));
      assertThat(replayAll(log, 40)).first().isEqualTo(40);
    }
  }

  @Test
  void open_aDamagedNewestSnapshotFallsBackToThePreviousAndItsRecords() throws IOException {
    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      for (int i = 0; i < 30; i++) {
        log.append(record(i, 100));
        if (i == 9 || i == 19) {
          log.snapshot(log.lastSequence(), out -> out.writeLong(7));
        }
      }
    }
    Path newest = dir.resolve("snapshots").resolve(Snapshots.fileName(20));
    byte[] bytes = Files.readAllBytes(newest);
    bytes[25] ^= 1;
    Files.write(newest, bytes);

    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      assertThat(log.damage()).isEqualTo(new Damage(0, 0, 0, 1, 0));
      try (Snapshot snapshot = log.latestSnapshot().orElseThrow()) {
        assertThat(snapshot.sequence()).isEqualTo(10);
        assertThat(snapshot.data().readLong()).isEqualTo(7);
      }
      assertThat(replayAll(log, 10)).hasSize(20).first().isEqualTo(10);
    }
    assertThat(dir.resolve("damaged").resolve(Snapshots.fileName(20))).exists();
  }

  @Test
  void open_aDamagedRecordIsSkippedAndCounted_theSegmentMovedAsideWithAnIntactCopy() throws IOException {
    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS)) {
      for (int i = 0; i < 5; i++) {
        log.append(record(i, 100));
      }
    }
    Path segment = dir.resolve(SegmentFormat.fileName(1));
    byte[] original = Files.readAllBytes(segment);
    byte[] bytes = original.clone();
    int secondRecordPayload = SegmentFormat.HEADER_BYTES + 124 + 24 + 50;
    bytes[secondRecordPayload] ^= 0x40;
    Files.write(segment, bytes);

    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS)) {
      assertThat(log.damage()).isEqualTo(new Damage(1, 124, 1, 0, 0));
      assertThat(replayAll(log, 0)).containsExactly(0, 2, 3, 4);
      assertThat(log.append(record(5, 100))).isEqualTo(6);
    }
    assertThat(dir.resolve("damaged").resolve(SegmentFormat.fileName(1))).hasBinaryContent(bytes);
    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS)) {
      assertThat(log.damage()).isEqualTo(Damage.NONE);
      assertThat(replayAll(log, 0)).containsExactly(0, 2, 3, 4, 5);
    }
  }

  @Test
  void open_aDamagedHeaderIsSteppedOverToTheNextRecord() throws IOException {
    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS)) {
      for (int i = 0; i < 5; i++) {
        log.append(record(i, 100));
      }
    }
    Path segment = dir.resolve(SegmentFormat.fileName(1));
    byte[] bytes = Files.readAllBytes(segment);
    bytes[SegmentFormat.HEADER_BYTES + 124 * 2 + 5] ^= (byte) 0xFF; // the third record's length field
    Files.write(segment, bytes);

    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS)) {
      assertThat(log.damage()).isEqualTo(new Damage(1, 124, 1, 0, 0));
      assertThat(replayAll(log, 0)).containsExactly(0, 1, 3, 4);
    }
  }

  @Test
  void open_aRecordBeforeTheNewestSnapshotDamagedDoesNotStopTheStart() throws IOException {
    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS)) {
      for (int i = 0; i < 10; i++) {
        log.append(record(i, 100));
      }
      log.snapshot(8, out -> out.writeInt(8));
    }
    Path segment = dir.resolve(SegmentFormat.fileName(1));
    byte[] bytes = Files.readAllBytes(segment);
    bytes[SegmentFormat.HEADER_BYTES + 124 * 3 + 60] ^= 1;
    Files.write(segment, bytes);

    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS)) {
      assertThat(log.damage().records()).isEqualTo(1);
      assertThat(log.latestSnapshot().orElseThrow().sequence()).isEqualTo(8);
      assertThat(replayAll(log, 8)).containsExactly(8, 9);
      assertThat(log.append(record(10, 100))).isEqualTo(11);
    }
  }

  @Test
  void replay_aRecordTheConsumerCannotReadIsSkippedAndCounted() throws IOException {
    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      for (int i = 0; i < 3; i++) {
        log.append(record(i, 100));
      }
      List<Integer> seen = new ArrayList<>();
      log.replay(0, (sequence, payload) -> {
        if (sequence == 2) {
          throw new IllegalArgumentException("not a record this reader knows");
        }
        seen.add(payload.getInt());
      });
      assertThat(seen).containsExactly(0, 2);
      assertThat(log.damage()).isEqualTo(new Damage(1, 124, 0, 0, 0));
    }
  }

  @Test
  void open_aPartialHeaderOfANewSegmentIsRewritten() throws IOException {
    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      log.append(record(0, 100));
    }
    // A crash right after creating the next segment, before its header was complete.
    Files.write(dir.resolve(SegmentFormat.fileName(2)), new byte[] {0x4D, 0x57, 0x44});

    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      assertThat(log.damage()).isEqualTo(Damage.NONE);
      assertThat(log.append(record(1, 100))).isEqualTo(2);
      assertThat(replayAll(log, 0)).containsExactly(0, 1);
    }
  }

  @Test
  void open_aRepairACrashInterruptedIsFinished() throws IOException {
    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      log.append(record(0, 100));
      log.append(record(1, 100));
    }
    Path segment = dir.resolve(SegmentFormat.fileName(1));
    // The copy was written and the damaged file moved aside; then the process died.
    Files.move(segment, dir.resolve(segment.getFileName() + ".repair"));

    try (DurableLog log = DurableLog.open(dir, SMALL)) {
      assertThat(replayAll(log, 0)).containsExactly(0, 1);
    }
  }

  @Test
  void append_afterCloseFails() throws IOException {
    DurableLog log = DurableLog.open(dir, SMALL);
    log.close();
    assertThatThrownBy(() -> log.append(record(0, 10))).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  @Test
  void append_alwaysPolicyHasTheRecordsOnDiskBeforeReturning() throws IOException {
    try (DurableLog log = DurableLog.open(dir, SMALL.withFsync(FsyncPolicy.ALWAYS))) {
      for (int i = 0; i < 20; i++) {
        long sequence = log.append(record(i, 100));
        assertThat(log.syncedSequence()).isGreaterThanOrEqualTo(sequence);
      }
    }
  }

  @Test
  void append_nonePolicyLeavesFlushingToTheOs() throws IOException {
    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS)) {
      log.append(record(0, 10));
      assertThat(log.syncedSequence()).isZero();
      log.sync();
      assertThat(log.syncedSequence()).isEqualTo(1);
    }
  }

  @Test
  void append_intervalPolicyFlushesInTheBackground() throws IOException {
    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS.withFsync(FsyncPolicy.interval(Duration.ofMillis(20))))) {
      long sequence = log.append(record(0, 10));
      await().atMost(Duration.ofSeconds(10)).until(() -> log.syncedSequence() == sequence);
    }
  }

  @Test
  void append_concurrentAppendersGetEveryRecordInExactlyOnce() throws Exception {
    int writers = 4;
    int perWriter = 5_000;
    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS.withSegmentBytes(64 << 10))) {
      appendConcurrently(log, writers, perWriter);
      assertThat(log.lastSequence()).isEqualTo((long) writers * perWriter);
    }
    assertThat(SegmentFormat.list(dir)).hasSizeGreaterThan(1);
    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS)) {
      List<Integer> all = replayAll(log, 0);
      assertThat(all).hasSize(writers * perWriter);
      for (int w = 0; w < writers; w++) {
        int writer = w;
        assertThat(all.stream().filter(v -> v / perWriter == writer).toList())
            .isSortedAccordingTo(Integer::compare).hasSize(perWriter);
      }
    }
  }

  @Test
  void append_concurrentAppendersUnderAlwaysAreAllFlushed() throws Exception {
    try (DurableLog log = DurableLog.open(dir, LogOptions.DEFAULTS.withFsync(FsyncPolicy.ALWAYS))) {
      appendConcurrently(log, 4, 100);
      assertThat(log.syncedSequence()).isEqualTo(400);
    }
  }

  private static void appendConcurrently(DurableLog log, int writers, int perWriter) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        Random random = new Random(w);
        done.add(pool.submit(() -> {
          start.await();
          long previous = 0;
          for (int n = 0; n < perWriter; n++) {
            long sequence = log.append(record(writer * perWriter + n, 8 + random.nextInt(200)));
            assertThat(sequence).isGreaterThan(previous);
            previous = sequence;
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

  /** A record of {@code bytes} bytes starting with {@code value}. */
  static ByteBuffer record(int value, int bytes) {
    ByteBuffer buffer = ByteBuffer.allocate(bytes);
    buffer.putInt(value);
    for (int i = 4; i < bytes; i++) {
      buffer.put((byte) (value + i));
    }
    return buffer.flip();
  }

  static List<Integer> replayAll(DurableLog log, long after) throws IOException {
    List<Integer> seen = new ArrayList<>();
    log.replay(after, (sequence, payload) -> seen.add(payload.getInt()));
    return seen;
  }

  private List<String> snapshots() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
