package io.meshwatch.collector.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableSignalsTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir
  Path dir;

  private final TestClock clock = new TestClock(T0);

  @Test
  void open_replaysWhatWasAcceptedStampedWithItsReceiptTime() throws IOException {
    RecordingState first = new RecordingState();
    // Left open, as a killed collector leaves it: no closing snapshot.
    DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS, first, clock);
    signals.accept(List.of(heartbeat(1), heartbeat(2)));
    clock.advance(Duration.ofMinutes(1));
    signals.accept(List.of(heartbeat(3)));
    RecordingState restored = new RecordingState();
    DurableSignals reopened = DurableSignals.open(dir, LogOptions.DEFAULTS, restored, new TestClock(T0.plusSeconds(3600)));

    assertThat(restored.applied).isEqualTo(first.applied);
    assertThat(restored.applied).extracting(Applied::receivedAt).containsExactly(T0, T0, T0.plusSeconds(60));
    assertThat(reopened.recovery().fromSnapshot()).isFalse();
    assertThat(reopened.recovery().replayed()).isEqualTo(3);
    reopened.close();
  }

  @Test
  void snapshot_coversWhatCameBefore_andTheJournalReplaysOnlyWhatCameAfter() throws IOException {
    RecordingState first = new RecordingState();
    DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS.withSegmentBytes(1024), first, clock);
    for (int i = 0; i < 100; i++) {
      signals.accept(List.of(heartbeat(i)));
    }
    long covered = signals.snapshot();
    signals.accept(List.of(heartbeat(100), heartbeat(101)));

    RecordingState restored = new RecordingState();
    DurableSignals reopened = DurableSignals.open(dir, LogOptions.DEFAULTS, restored, clock);

    assertThat(covered).isEqualTo(100);
    assertThat(restored.applied).isEqualTo(first.applied);
    assertThat(restored.readFromSnapshot).isEqualTo(100);
    assertThat(reopened.recovery().fromSnapshot()).isTrue();
    assertThat(reopened.recovery().replayed()).isEqualTo(2);
    reopened.close();
  }

  @Test
  void open_aNewestSnapshotThatCannotBeReadFallsBackToThePreviousOneAndItsJournal() throws IOException {
    RecordingState first = new RecordingState();
    DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS.withSegmentBytes(1024), first, clock);
    for (int i = 0; i < 60; i++) {
      signals.accept(List.of(heartbeat(i)));
    }
    signals.snapshot();
    for (int i = 60; i < 100; i++) {
      signals.accept(List.of(heartbeat(i)));
    }
    long newest = signals.snapshot();
    signals.accept(List.of(heartbeat(100)));
    Path newestFile;
    try (Stream<Path> files = Files.list(dir.resolve("journal").resolve("snapshots"))) {
      newestFile = files.filter(f -> f.getFileName().toString().contains(String.valueOf(newest))).findFirst().orElseThrow();
    }
    // The journal is kept from the previous snapshot on: segments wholly before record 60 are gone.
    try (Stream<Path> segments = Files.list(dir.resolve("journal"))) {
      long oldestKept = segments.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".seg"))
          .mapToLong(f -> Long.parseLong(f.replace(".seg", ""))).min().orElseThrow();
      assertThat(oldestKept).isBetween(2L, 61L);
    }
    byte[] bytes = Files.readAllBytes(newestFile);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(newestFile, bytes);

    RecordingState restored = new RecordingState();
    DurableSignals reopened = DurableSignals.open(dir, LogOptions.DEFAULTS, restored, clock);

    assertThat(restored.applied).isEqualTo(first.applied);
    assertThat(reopened.recovery().snapshotSequence()).isEqualTo(60);
    assertThat(reopened.recovery().replayed()).isEqualTo(41);
    assertThat(reopened.damage().snapshots()).isEqualTo(1);
    reopened.close();
  }

  @Test
  void close_snapshotsSoTheNextStartReplaysNothing() throws IOException {
    RecordingState first = new RecordingState();
    try (DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS, first, clock)) {
      signals.accept(List.of(heartbeat(1), heartbeat(2)));
    }
    RecordingState restored = new RecordingState();
    try (DurableSignals reopened = DurableSignals.open(dir, LogOptions.DEFAULTS, restored, clock)) {
      assertThat(reopened.recovery().replayed()).isZero();
      assertThat(restored.applied).isEqualTo(first.applied);
    }
  }

  private static Signal heartbeat(int second) {
    return new Signal.Heartbeat(ORDERS, T0.plusSeconds(second));
  }

  record Applied(Signal signal, Instant receivedAt) {}

  /** State that is the list of what was applied; written and read whole. */
  static final class RecordingState implements RecoverableState {
    final List<Applied> applied = new ArrayList<>();
    int readFromSnapshot;

    @Override
    public void apply(Signal signal, Instant receivedAt) {
      applied.add(new Applied(signal, receivedAt));
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeInt(applied.size());
      for (Applied a : applied) {
        out.writeLong(a.signal().observedAt().toEpochMilli());
        out.writeLong(a.receivedAt().toEpochMilli());
      }
    }

    @Override
    public void read(DataInput in) throws IOException {
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        Instant observed = Instant.ofEpochMilli(in.readLong());
        applied.add(new Applied(new Signal.Heartbeat(ORDERS, observed), Instant.ofEpochMilli(in.readLong())));
      }
      readFromSnapshot = count;
    }
  }
}
