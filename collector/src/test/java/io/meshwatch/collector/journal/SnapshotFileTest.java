package io.meshwatch.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {

  @TempDir Path dir;

  @Test
  void readLatest_returnsThePayloadAndSequenceWritten() throws IOException {
    SnapshotFile.write(dir, 42, out -> {
      out.writeUTF("engine-state");
      out.writeLong(7);
    });

    try (Snapshot snapshot = SnapshotFile.readLatest(dir).orElseThrow()) {
      assertThat(snapshot.journalSequence()).isEqualTo(42);
      assertThat(snapshot.data().readUTF()).isEqualTo("engine-state");
      assertThat(snapshot.data().readLong()).isEqualTo(7);
      assertThatThrownBy(() -> snapshot.data().readByte()).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void readLatest_emptyOrMissingDirectoryHasNone() throws IOException {
    assertThat(SnapshotFile.readLatest(dir)).isEmpty();
    assertThat(SnapshotFile.readLatest(dir.resolve("absent"))).isEmpty();
  }

  @Test
  void write_largePayloadRoundTripsAcrossBuffers() throws IOException {
    int longs = 1 << 20; // 8 MiB
    SnapshotFile.write(dir, 1, out -> {
      for (long i = 0; i < longs; i++) {
        out.writeLong(i * 31);
      }
    });

    try (Snapshot snapshot = SnapshotFile.readLatest(dir).orElseThrow()) {
      long firstWrong = -1;
      for (long i = 0; i < longs && firstWrong < 0; i++) {
        firstWrong = snapshot.data().readLong() == i * 31 ? -1 : i;
      }
      assertThat(firstWrong).isEqualTo(-1);
      assertThatThrownBy(() -> snapshot.data().readByte()).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void write_keepsOnlyThePreviousSnapshotOnceTheNewOneIsInPlace() throws IOException {
    SnapshotFile.write(dir, 10, out -> out.writeInt(10));
    SnapshotFile.write(dir, 20, out -> out.writeInt(20));
    SnapshotFile.write(dir, 30, out -> out.writeInt(30));

    assertThat(files()).containsExactlyInAnyOrder(SnapshotFile.fileName(20), SnapshotFile.fileName(30));
    assertThat(readInt()).isEqualTo(Optional.of(30));
  }

  @Test
  void readLatest_crashBeforeRenameLeavesThePreviousSnapshot() throws IOException {
    SnapshotFile.write(dir, 10, out -> out.writeInt(10));
    Path temp = SnapshotFile.writeTemp(dir, 20, out -> out.writeInt(20));
    assertThat(temp).exists();

    assertThat(readInt()).isEqualTo(Optional.of(10));
    assertThat(readSequence()).isEqualTo(10);

    SnapshotFile.write(dir, 30, out -> out.writeInt(30));
    assertThat(files()).containsExactly(SnapshotFile.fileName(10), SnapshotFile.fileName(30));
  }

  @Test
  void readLatest_skipsADamagedNewerSnapshot() throws IOException {
    SnapshotFile.write(dir, 10, out -> out.writeInt(10));
    byte[] older = Files.readAllBytes(dir.resolve(SnapshotFile.fileName(10)));
    SnapshotFile.write(dir, 20, out -> out.writeInt(20));
    Files.write(dir.resolve(SnapshotFile.fileName(10)), older);
    Path newer = dir.resolve(SnapshotFile.fileName(20));
    byte[] bytes = Files.readAllBytes(newer);
    bytes[17] ^= 0x10;
    Files.write(newer, bytes);

    assertThat(readInt()).isEqualTo(Optional.of(10));
  }

  @Test
  void readLatest_skipsAPartialNewerSnapshot() throws IOException {
    SnapshotFile.write(dir, 10, out -> out.writeInt(10));
    byte[] older = Files.readAllBytes(dir.resolve(SnapshotFile.fileName(10)));
    SnapshotFile.write(dir, 20, out -> out.writeLong(20));
    Files.write(dir.resolve(SnapshotFile.fileName(10)), older);
    Path newer = dir.resolve(SnapshotFile.fileName(20));
    byte[] bytes = Files.readAllBytes(newer);
    for (int cut = 0; cut < bytes.length; cut++) {
      Files.write(newer, Arrays.copyOf(bytes, cut));
      assertThat(readSequence()).as("cut at %d", cut).isEqualTo(10);
    }
  }

  @Test
  void write_failingWriterLeavesThePreviousSnapshotAndNoTempFile() throws IOException {
    SnapshotFile.write(dir, 10, out -> out.writeInt(10));

    assertThatThrownBy(() -> SnapshotFile.write(dir, 20, out -> {
      out.writeInt(20);
      throw new IOException("state not serializable");
    })).hasMessage("state not serializable");

    assertThat(files()).containsExactly(SnapshotFile.fileName(10));
    assertThat(readInt()).isEqualTo(Optional.of(10));
  }

  private Optional<Integer> readInt() throws IOException {
    Optional<Snapshot> latest = SnapshotFile.readLatest(dir);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    try (Snapshot snapshot = latest.get()) {
      return Optional.of(snapshot.data().readInt());
    }
  }

  private long readSequence() throws IOException {
    try (Snapshot snapshot = SnapshotFile.readLatest(dir).orElseThrow()) {
      return snapshot.journalSequence();
    }
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
