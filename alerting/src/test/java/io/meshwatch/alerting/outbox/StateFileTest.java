package io.meshwatch.alerting.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
  @TempDir Path dir;

  @Test
  void read_returnsWhatWasWrittenLast() throws IOException {
    Path file = dir.resolve("sub/dispatcher.state");
    StateFile.write(file, "one".getBytes(UTF_8), true);
    StateFile.write(file, "two".getBytes(UTF_8), true);

    assertThat(StateFile.read(file)).hasValueSatisfying(bytes -> assertThat(new String(bytes, UTF_8)).isEqualTo("two"));
    assertThat(Files.readAllBytes(StateFile.previous(file))).endsWith("one".getBytes(UTF_8));
  }

  @Test
  void read_isEmptyWhenNothingWasWritten() throws IOException {
    assertThat(StateFile.read(dir.resolve("none.state"))).isEmpty();
  }

  @Test
  void read_fallsBackToThePreviousWhenTheNewestIsTorn() throws IOException {
    Path file = dir.resolve("silences.state");
    StateFile.write(file, "previous".getBytes(UTF_8), false);
    StateFile.write(file, "newest state".getBytes(UTF_8), false);
    byte[] newest = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(newest, newest.length - 4));

    assertThat(StateFile.read(file)).hasValueSatisfying(bytes -> assertThat(new String(bytes, UTF_8)).isEqualTo("previous"));
  }

  @Test
  void read_fallsBackToThePreviousWhenTheNewestIsMissing() throws IOException {
    Path file = dir.resolve("silences.state");
    StateFile.write(file, "previous".getBytes(UTF_8), false);
    StateFile.write(file, "newest".getBytes(UTF_8), false);
    // A crash between the two renames of a write.
    Files.delete(file);

    assertThat(StateFile.read(file)).hasValueSatisfying(bytes -> assertThat(new String(bytes, UTF_8)).isEqualTo("previous"));
  }

  @Test
  void read_failsClearlyWhenBothAreDamaged() throws IOException {
    Path file = dir.resolve("evaluator.state");
    StateFile.write(file, "previous".getBytes(UTF_8), false);
    StateFile.write(file, "newest".getBytes(UTF_8), false);
    flipLastByte(file);
    flipLastByte(StateFile.previous(file));

    assertThatThrownBy(() -> StateFile.read(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("no intact state").hasMessageContaining("fails its checksum");
  }

  private static void flipLastByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(file, bytes);
  }
}
