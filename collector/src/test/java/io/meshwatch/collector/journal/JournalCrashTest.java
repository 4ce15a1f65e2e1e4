package io.meshwatch.collector.journal;

import static io.meshwatch.collector.journal.JournalTest.replayAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.durable.Damage;
import io.meshwatch.durable.LogOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real appending JVM with SIGKILL and checks that every acknowledged entry survived. */
class JournalCrashTest {
  private static final long ACKS_BEFORE_KILL = 20_000;

  @TempDir Path dir;

  @Test
  void append_everyAcknowledgedEntrySurvivesKillMinus9() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"),
            JournalAppenderMain.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    AtomicLong acked = new AtomicLong();
    Thread reader = new Thread(() -> readAcks(child, acked), "ack-reader");
    reader.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> acked.get() >= ACKS_BEFORE_KILL || !child.isAlive());
      assertThat(child.isAlive()).as("child still appending").isTrue();
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    long lastAcked = acked.get();
    assertThat(lastAcked).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

    try (Journal journal = Journal.open(dir, LogOptions.DEFAULTS.withSegmentBytes(16 << 10))) {
      List<JournalEntry> all = replayAll(journal, 0);
      assertThat(all).hasSizeGreaterThanOrEqualTo((int) lastAcked);
      for (int i = 0; i < lastAcked; i++) {
        if (!all.get(i).equals(TestEntries.entry(JournalAppenderMain.WRITER, i))) {
          assertThat(all.get(i)).as("entry %d", i).isEqualTo(TestEntries.entry(JournalAppenderMain.WRITER, i));
        }
      }
      assertThat(journal.damage()).isEqualTo(Damage.NONE);
    }
  }

  private static void readAcks(Process child, AtomicLong acked) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("ack ")) {
          acked.set(Long.parseLong(line.substring(4)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
