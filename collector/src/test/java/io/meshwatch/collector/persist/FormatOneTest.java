package io.meshwatch.collector.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.collector.journal.JournalEntry;
import io.meshwatch.collector.journal.LegacyFiles;
import io.meshwatch.durable.Damage;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatOneTest {
  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir
  Path dir;

  @Test
  void open_migratesTheNewestSnapshotAndEveryEntryAfterIt_andMovesTheOldFilesAside() throws IOException {
    // Format 1 as a collector left it: a snapshot of 3 entries, and segments holding entries 1..8.
    LegacyFiles.snapshot(dir, 3, snapshotOf(0, 1, 2));
    long next = LegacyFiles.segment(dir, 1, List.of(batch(0, 1), batch(2), batch(3, 4)));
    LegacyFiles.segment(dir, next, List.of(batch(5), batch(6, 7)));

    DurableSignalsTest.RecordingState migrated = new DurableSignalsTest.RecordingState();
    try (DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS, migrated, new TestClock(T0))) {
      assertThat(seconds(migrated)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
      assertThat(signals.recovery().resumed()).isTrue();
      assertThat(signals.damage()).isEqualTo(Damage.NONE);
      signals.accept(List.of(heartbeat(8)));
    }
    assertThat(dir.resolve("format-1/journal/00000000000000000001.wal")).exists();
    assertThat(dir.resolve("format-1/snapshots/snapshot-00000000000000000003.bin")).exists();
    assertThat(dir.resolve("snapshots")).doesNotExist();
    assertThat(dir.resolve("journal/00000000000000000000.wal")).content().contains("format 2");

    DurableSignalsTest.RecordingState restarted = new DurableSignalsTest.RecordingState();
    try (DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS, restarted, new TestClock(T0))) {
      assertThat(seconds(restarted)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }
  }

  @Test
  void open_aCrashAfterTheMigrationsSnapshotOnlyMovesTheOldFiles() throws IOException {
    LegacyFiles.segment(dir, 1, List.of(batch(0, 1)));
    DurableSignalsTest.RecordingState migrated = new DurableSignalsTest.RecordingState();
    DurableSignals.open(dir, LogOptions.DEFAULTS, migrated, new TestClock(T0)).abandon();
    // As if the process died between the new snapshot and the move: the old files are back in place.
    Files.move(dir.resolve("format-1/journal/00000000000000000001.wal"), dir.resolve("journal/00000000000000000001.wal"));

    DurableSignalsTest.RecordingState restarted = new DurableSignalsTest.RecordingState();
    try (DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS, restarted, new TestClock(T0))) {
      assertThat(seconds(restarted)).containsExactly(0, 1);
    }
    assertThat(dir.resolve("journal/00000000000000000001.wal")).doesNotExist();
  }

  @Test
  void open_damageInAFormatOneSegmentIsCountedAndTheNextSegmentStillRead() throws IOException {
    long next = LegacyFiles.segment(dir, 1, List.of(batch(0), batch(1), batch(2)));
    LegacyFiles.segment(dir, next, List.of(batch(3)));
    Path first = dir.resolve("journal/00000000000000000001.wal");
    byte[] bytes = Files.readAllBytes(first);
    bytes[bytes.length - 3] ^= 0x10;
    Files.write(first, bytes);

    DurableSignalsTest.RecordingState migrated = new DurableSignalsTest.RecordingState();
    try (DurableSignals signals = DurableSignals.open(dir, LogOptions.DEFAULTS, migrated, new TestClock(T0))) {
      assertThat(seconds(migrated)).containsExactly(0, 1, 3);
      assertThat(signals.damage().records()).isEqualTo(1);
    }
  }

  private static byte[] snapshotOf(int... seconds) throws IOException {
    DurableSignalsTest.RecordingState state = new DurableSignalsTest.RecordingState();
    for (int second : seconds) {
      state.apply(heartbeat(second), T0.plusSeconds(second));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    state.write(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static List<JournalEntry> batch(int... seconds) {
    List<JournalEntry> entries = new ArrayList<>();
    for (int second : seconds) {
      entries.add(new JournalEntry(heartbeat(second), T0.plusSeconds(second)));
    }
    return entries;
  }

  private static Signal heartbeat(int second) {
    return new Signal.Heartbeat(ORDERS, T0.plusSeconds(second));
  }

  private static List<Integer> seconds(DurableSignalsTest.RecordingState state) {
    return state.applied.stream().map(a -> (int) (a.signal().observedAt().getEpochSecond() - T0.getEpochSecond())).toList();
  }
}
