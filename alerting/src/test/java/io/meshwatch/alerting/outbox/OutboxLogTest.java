package io.meshwatch.alerting.outbox;

import static io.meshwatch.alerting.outbox.Notifications.firing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.alerting.MutableClock;
import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.Notifier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxLogTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  @TempDir Path dir;

  @Test
  void open_replaysRecordsInOrder() throws IOException {
    Path file = dir.resolve("outbox.log");
    try (OutboxLog log = OutboxLog.open(file, true, 1 << 20, record -> {})) {
      log.append(new LogRecord.Enqueued(firing("a", "team", "g1"), T0));
      log.append(new LogRecord.Finished("a", T0.plusSeconds(1), true));
      log.append(new LogRecord.Finished("b", T0.plusSeconds(2), false));
    }

    assertThat(replay(file)).containsExactly(
        new LogRecord.Enqueued(firing("a", "team", "g1"), T0),
        new LogRecord.Finished("a", T0.plusSeconds(1), true),
        new LogRecord.Finished("b", T0.plusSeconds(2), false));
  }

  @Test
  void open_cutsATornTailAndAppendsAfterTheLastIntactRecord() throws IOException {
    Path file = dir.resolve("outbox.log");
    long intact;
    try (OutboxLog log = OutboxLog.open(file, false, 1 << 20, record -> {})) {
      log.append(new LogRecord.Enqueued(firing("a", "team", "g1"), T0));
      intact = log.size();
      log.append(new LogRecord.Enqueued(firing("b", "team", "g1"), T0));
    }
    // A crash in the middle of writing b.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 5);
    }

    try (OutboxLog log = OutboxLog.open(file, false, 1 << 20, record -> {})) {
      assertThat(log.size()).isEqualTo(intact);
      log.append(new LogRecord.Enqueued(firing("c", "team", "g1"), T0));
    }

    assertThat(replay(file)).extracting(record -> ((LogRecord.Enqueued) record).notification().id())
        .containsExactly("a", "c");
  }

  @Test
  void open_cutsARecordWhoseChecksumFails() throws IOException {
    Path file = dir.resolve("outbox.log");
    long intact;
    try (OutboxLog log = OutboxLog.open(file, false, 1 << 20, record -> {})) {
      log.append(new LogRecord.Enqueued(firing("a", "team", "g1"), T0));
      intact = log.size();
      log.append(new LogRecord.Finished("a", T0, true));
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {0x7f}), channel.size() - 3);
    }

    assertThat(replay(file)).hasSize(1);
    assertThat(Files.size(file)).isEqualTo(intact);
  }

  @Test
  void open_rejectsAFileThatIsNoOutboxLog() throws IOException {
    Path file = dir.resolve("outbox.log");
    Files.writeString(file, "not an outbox log at all");

    assertThatThrownBy(() -> OutboxLog.open(file, false, 1 << 20, record -> {}))
        .isInstanceOf(IOException.class).hasMessageContaining("not a meshwatch outbox log");
  }

  @Test
  void compaction_keepsPendingAndDeliveredIdsAndBoundsTheLog() throws IOException {
    MutableClock clock = new MutableClock(T0);
    ScriptedNotifier stuck = new ScriptedNotifier().then(ScriptedNotifier.unavailable(), 1000);
    ScriptedNotifier team = new ScriptedNotifier();
    OutboxOptions options = OutboxOptions.defaults().withFsync(false).withCompactionBytes(4096);
    java.util.function.Function<String, Optional<Notifier>> receivers =
        name -> Optional.of(name.equals("stuck") ? stuck : team);
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
    long oneEnqueued = 8 + LogRecord.encode(new LogRecord.Enqueued(firing("n0", "team", "g0"), T0)).length;
    assertThat(Files.size(dir.resolve(Outbox.LOG_FILE))).as("rewritten while it grew").isLessThan(30 * oneEnqueued);

    try (Outbox reopened = Outbox.open(dir, options, receivers, clock, DeliveryListener.NONE)) {
      assertThat(reopened.pending()).extracting(PendingDelivery::id, PendingDelivery::enqueuedAt)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("waiting", T0));
      for (int i = 0; i < 100; i++) {
        assertThat(reopened.enqueue(firing("n" + i, "team", "g" + i))).as("n" + i + " was delivered").isFalse();
      }
    }
  }

  private static List<LogRecord> replay(Path file) throws IOException {
    List<LogRecord> records = new ArrayList<>();
    OutboxLog.open(file, false, 1 << 20, records::add).close();
    return records;
  }
}
