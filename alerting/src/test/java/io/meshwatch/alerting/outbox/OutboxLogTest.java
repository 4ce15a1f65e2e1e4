package io.meshwatch.alerting.outbox;

import static io.meshwatch.alerting.outbox.Notifications.firing;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.MutableClock;
import io.meshwatch.alerting.Notifier;
import io.meshwatch.durable.Damage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxLogTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  @TempDir Path dir;

  @Test
  void open_replaysRecordsInOrder() throws IOException {
    try (OutboxLog log = OutboxLog.open(dir, true, 1 << 20, record -> {}, List::of)) {
      log.append(new LogRecord.Enqueued(firing("a", "team", "g1"), T0));
      log.append(new LogRecord.Finished("a", T0.plusSeconds(1), true));
      log.append(new LogRecord.Finished("b", T0.plusSeconds(2), false));
    }

    assertThat(replay(dir)).containsExactly(
        new LogRecord.Enqueued(firing("a", "team", "g1"), T0),
        new LogRecord.Finished("a", T0.plusSeconds(1), true),
        new LogRecord.Finished("b", T0.plusSeconds(2), false));
  }

  @Test
  void open_migratesTheLogOfDataDirFormatOne_keepingEveryLiveRecord() throws IOException {
    List<LogRecord> formatOne = List.of(
        new LogRecord.Enqueued(firing("a", "team", "g1"), T0),
        new LogRecord.Enqueued(firing("b", "team", "g2"), T0.plusSeconds(1)),
        new LogRecord.Finished("a", T0.plusSeconds(2), true));
    FormatOneRecords.write(dir.resolve("outbox.log"), formatOne);
    MutableClock clock = new MutableClock(T0.plusSeconds(10));
    Function<String, Optional<Notifier>> none = name -> Optional.empty();

    try (Outbox outbox = Outbox.open(dir, OutboxOptions.defaults().withFsync(false), none, clock, DeliveryListener.NONE)) {
      assertThat(outbox.pending()).extracting(PendingDelivery::id, PendingDelivery::enqueuedAt)
          .containsExactly(Tuple.tuple("b", T0.plusSeconds(1)));
      assertThat(outbox.damage()).isEqualTo(Damage.NONE);
    }
    assertThat(dir.resolve("outbox.log")).doesNotExist();
    try (Outbox reopened = Outbox.open(dir, OutboxOptions.defaults().withFsync(false), none, clock, DeliveryListener.NONE)) {
      assertThat(reopened.pending()).extracting(PendingDelivery::id).containsExactly("b");
      assertThat(reopened.enqueue(firing("a", "team", "g1"))).as("a was delivered").isFalse();
    }
  }

  @Test
  void open_aDamagedRecordInAFormatOneLogIsCountedAndWhatCameBeforeKept() throws IOException {
    FormatOneRecords.write(dir.resolve("outbox.log"), List.of(
        new LogRecord.Enqueued(firing("a", "team", "g1"), T0), new LogRecord.Enqueued(firing("b", "team", "g2"), T0)));
    byte[] bytes = Files.readAllBytes(dir.resolve("outbox.log"));
    bytes[bytes.length - 10] ^= 0x33;
    Files.write(dir.resolve("outbox.log"), bytes);

    try (Outbox outbox = Outbox.open(dir, OutboxOptions.defaults().withFsync(false), name -> Optional.empty(),
        new MutableClock(T0), DeliveryListener.NONE)) {
      assertThat(outbox.pending()).extracting(PendingDelivery::id).containsExactly("a");
      assertThat(outbox.damage().records()).isEqualTo(1);
    }
  }

  @Test
  void compaction_keepsPendingAndDeliveredIdsAndBoundsTheLog() throws IOException {
    MutableClock clock = new MutableClock(T0);
    ScriptedNotifier stuck = new ScriptedNotifier().then(ScriptedNotifier.unavailable(), 1000);
    ScriptedNotifier team = new ScriptedNotifier();
    OutboxOptions options = OutboxOptions.defaults().withFsync(false).withCompactionBytes(4096);
    Function<String, Optional<Notifier>> receivers = name -> Optional.of(name.equals("stuck") ? stuck : team);
    try (Outbox outbox = Outbox.open(dir, options, receivers, clock, DeliveryListener.NONE)) {
      outbox.enqueue(firing("waiting", "stuck", "g0"));
      for (int i = 0; i < 100; i++) {
        clock.advance(Duration.ofSeconds(1));
        outbox.enqueue(firing("n" + i, "team", "g" + i));
        outbox.deliverDue();
      }
      assertThat(team.sent()).hasSize(100);
      assertThat(outbox.pending()).extracting(PendingDelivery::id).containsExactly("waiting");
    }
    long oneEnqueued = 24 + LogRecord.encode(new LogRecord.Enqueued(firing("n0", "team", "g0"), T0)).length;
    assertThat(segmentBytes(dir)).as("old segments dropped while it grew").isLessThan(40 * oneEnqueued);

    try (Outbox reopened = Outbox.open(dir, options, receivers, clock, DeliveryListener.NONE)) {
      assertThat(reopened.pending()).extracting(PendingDelivery::id, PendingDelivery::enqueuedAt)
          .containsExactly(Tuple.tuple("waiting", T0));
      for (int i = 0; i < 100; i++) {
        assertThat(reopened.enqueue(firing("n" + i, "team", "g" + i))).as("n" + i + " was delivered").isFalse();
      }
    }
  }

  private static long segmentBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long bytes = 0;
      for (Path file : files.filter(f -> f.toString().endsWith(".seg")).toList()) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }

  private static List<LogRecord> replay(Path dir) throws IOException {
    List<LogRecord> records = new ArrayList<>();
    OutboxLog.open(dir, false, 1 << 20, records::add, List::of).close();
    return records;
  }
}
