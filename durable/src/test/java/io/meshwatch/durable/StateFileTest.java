package io.meshwatch.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
  @TempDir
  Path dir;

  @Test
  void read_returnsWhatWasWrittenLast() throws IOException {
    StateFile state = StateFile.open(dir.resolve("state.bin"), false);
    state.write(bytes("one"));
    state.write(bytes("two"));

    assertThat(StateFile.open(dir.resolve("state.bin"), false).read()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("two")));
  }

  @Test
  void read_isEmptyWhenNothingWasWritten() throws IOException {
    assertThat(StateFile.open(dir.resolve("state.bin"), true).read()).isEmpty();
  }

  @Test
  void read_aFlippedByteAtEveryOffsetOfEitherCopyLosesNothing_andIsCounted() throws IOException {
    Path file = dir.resolve("state.bin");
    StateFile.open(file, false).write(bytes("before"));
    StateFile.open(file, false).write(bytes("the newest state"));
    for (String copy : new String[] {"state.bin.a", "state.bin.b"}) {
      byte[] pristine = Files.readAllBytes(dir.resolve(copy));
      byte[] other = Files.readAllBytes(dir.resolve(copy.endsWith("a") ? "state.bin.b" : "state.bin.a"));
      for (int offset = 0; offset < pristine.length; offset++) {
        byte[] damaged = pristine.clone();
        damaged[offset] ^= (byte) 0xFF;
        Files.write(dir.resolve(copy), damaged);
        StateFile state = StateFile.open(file, false);

        assertThat(state.read()).as("flip at %d of %s", offset, copy).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("the newest state")));
        assertThat(state.damage()).isEqualTo(new Damage(0, 0, 0, 0, 1));
        assertThat(dir.resolve("damaged").resolve(copy)).hasBinaryContent(damaged);
        state.write(bytes("the newest state"));
        assertThat(dir.resolve(copy)).hasBinaryContent(Files.readAllBytes(dir.resolve(copy.endsWith("a") ? "state.bin.b" : "state.bin.a")));
        deleteDamaged();
        Files.write(dir.resolve(copy), pristine);
        Files.write(dir.resolve(copy.endsWith("a") ? "state.bin.b" : "state.bin.a"), other);
      }
    }
  }

  @Test
  void read_aCrashBetweenTheTwoCopiesTakesTheNewerWhole() throws IOException {
    Path file = dir.resolve("state.bin");
    StateFile.open(file, false).write(bytes("old"));
    byte[] old = Files.readAllBytes(dir.resolve("state.bin.b"));
    StateFile.open(file, false).write(bytes("new"));
    Files.write(dir.resolve("state.bin.b"), old); // as if the second copy was never replaced

    StateFile state = StateFile.open(file, false);
    assertThat(state.read()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("new")));
    assertThat(state.damage()).isEqualTo(Damage.NONE);
  }

  @Test
  void read_bothCopiesDamagedIsEmptyAndCountedNotAFailure() throws IOException {
    Path file = dir.resolve("state.bin");
    StateFile.open(file, false).write(bytes("state"));
    Files.write(dir.resolve("state.bin.a"), bytes("garbage"));
    Files.write(dir.resolve("state.bin.b"), new byte[3]);

    StateFile state = StateFile.open(file, false);
    assertThat(state.read()).isEmpty();
    assertThat(state.damage().stateCopies()).isEqualTo(2);
  }

  @Test
  void read_theFormatBeforeDurable_andTheFirstWriteReplacesIt() throws IOException {
    Path file = dir.resolve("state.bin");
    Files.write(file, legacy(bytes("newest, format 1")));
    Files.write(dir.resolve("state.bin.prev"), legacy(bytes("previous, format 1")));

    StateFile state = StateFile.open(file, false);
    assertThat(state.read()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("newest, format 1")));
    state.write(bytes("format 2"));
    assertThat(file).doesNotExist();
    assertThat(dir.resolve("state.bin.prev")).doesNotExist();
    assertThat(StateFile.open(file, false).read()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("format 2")));
  }

  @Test
  void read_aTornNewestFileOfTheFormatBeforeFallsBackToItsPrevious() throws IOException {
    Path file = dir.resolve("state.bin");
    byte[] newest = legacy(bytes("newest"));
    Files.write(file, java.util.Arrays.copyOf(newest, newest.length - 2));
    Files.write(dir.resolve("state.bin.prev"), legacy(bytes("previous")));

    StateFile state = StateFile.open(file, false);
    assertThat(state.read()).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("previous")));
    assertThat(state.damage().stateCopies()).isEqualTo(1);
  }

  /** A state file as meshwatch wrote it before this module: "MWST", version 1, length, CRC32. */
  static byte[] legacy(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    return ByteBuffer.allocate(16 + payload.length).putInt(0x4D575354).putInt(1).putInt(payload.length)
        .putInt((int) crc.getValue()).put(payload).array();
  }

  private void deleteDamaged() throws IOException {
    try (var files = Files.list(dir.resolve("damaged"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
