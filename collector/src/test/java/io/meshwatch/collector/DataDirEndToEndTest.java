package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One collector per data dir, and the data dir's format: checked at start, before anything is read or written. */
class DataDirEndToEndTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path dataDir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void stopChildren() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void secondCollector_onTheSameDataDir_refusesToStartNamingThePidHoldingIt() throws Exception {
    ChildCollector first = ChildCollector.start(children, CrashTestCollectorMain.class, dataDir.toString(), T0.toString());
    long holder = first.process().pid();

    Process second = new ProcessBuilder(java(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        CrashTestCollectorMain.class.getName(), dataDir.toString(), T0.toString()).redirectErrorStream(true).start();
    children.add(second);
    String output = readUntilExitOrListening(second);
    assertThat(output).doesNotContain("PORT ").contains("pid " + holder);
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isNotZero();

    assertThatThrownBy(() -> MeshwatchCollector.start(CrashTestCollectorMain.config(dataDir), new TestClock(T0)))
        .isInstanceOf(StartupException.class).hasMessageContaining("pid " + holder);

    first.process().destroyForcibly().waitFor();
    try (MeshwatchCollector afterKill = MeshwatchCollector.start(CrashTestCollectorMain.config(dataDir), new TestClock(T0))) {
      assertThat(Files.readString(dataDir.resolve("lock")).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
      assertThatThrownBy(() -> MeshwatchCollector.start(CrashTestCollectorMain.config(dataDir), new TestClock(T0)))
          .isInstanceOf(StartupException.class).hasMessageContaining("this process");
    }
  }

  @Test
  void start_aDataDirOfANewerFormatIsRefusedNamingBothVersions_andANewOneIsMarked() throws IOException {
    try (MeshwatchCollector collector = MeshwatchCollector.start(CrashTestCollectorMain.config(dataDir), new TestClock(T0))) {
      assertThat(dataDir.resolve("format")).hasContent("meshwatch data dir format 2\n");
    }
    Files.writeString(dataDir.resolve("format"), "meshwatch data dir format 3\n");

    assertThatThrownBy(() -> MeshwatchCollector.start(CrashTestCollectorMain.config(dataDir), new TestClock(T0)))
        .isInstanceOf(StartupException.class).hasMessageContaining("has format 3").hasMessageContaining("up to 2");
    // Refused before anything was written, and without keeping the data dir locked.
    assertThat(dataDir.resolve("format")).hasContent("meshwatch data dir format 3\n");
    Files.writeString(dataDir.resolve("format"), "meshwatch data dir format 2\n");
    MeshwatchCollector.start(CrashTestCollectorMain.config(dataDir), new TestClock(T0)).close();
  }

  private static String readUntilExitOrListening(Process process) throws IOException {
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith("PORT ")) {
          break;
        }
      }
    }
    return output.toString();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
