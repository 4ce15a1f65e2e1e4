package io.meshwatch.collector.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWritableTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private final TestClock clock = new TestClock(T0);

  @TempDir Path dir;

  @Test
  void check_afterAFailedAppend_isNotReadyUntilAnAppendSucceeds() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    JournalWritable journal = new JournalWritable(notADirectory, clock);
    assertThat(journal.check().ready()).isTrue();

    journal.appendFailed(new IOException("No space left on device"));

    Verdict verdict = journal.check();
    assertThat(verdict.ready()).isFalse();
    assertThat(verdict.reasons()).first().asString()
        .isEqualTo("the last journal append failed at " + T0 + ": No space left on device");
    journal.appended();
    assertThat(journal.check().ready()).isTrue();
  }

  @Test
  void check_whileNotReady_probesTheDiskAtMostEveryFiveSeconds() throws IOException {
    Path dataDir = Files.writeString(dir.resolve("not-yet-a-dir"), "x");
    JournalWritable journal = new JournalWritable(dataDir, clock);
    journal.appendFailed(new IOException("No space left on device"));
    assertThat(journal.check().reasons()).hasSize(2).last().asString().contains("a test write into " + dataDir);

    Files.delete(dataDir);
    Files.createDirectory(dataDir); // the disk is back
    for (Duration step = Duration.ZERO; step.compareTo(JournalWritable.PROBE_EVERY) < 0; step = step.plusSeconds(1)) {
      assertThat(journal.check().ready()).as("%s after the failed probe", step).isFalse();
      clock.advance(Duration.ofSeconds(1));
    }

    Verdict verdict = journal.check();
    assertThat(verdict.ready()).isTrue();
    assertThat(verdict.reasons()).singleElement().asString().contains("a test write into " + dataDir + " succeeded since");
    assertThat(Files.list(dataDir)).isEmpty();
  }
}
