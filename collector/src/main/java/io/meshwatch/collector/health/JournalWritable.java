package io.meshwatch.collector.health;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * Whether the journal takes what the collector acknowledges. Not ready from a failed append (disk
 * full, I/O error) until an append succeeds again. Since a collector that is not ready may get no
 * writes to prove itself with, a check while not ready also writes and forces a small file into the
 * data dir, at most every {@link #PROBE_EVERY}; if that succeeds, the disk is taken to be back.
 */
public final class JournalWritable implements ReadinessCheck {

  public static final String NAME = "journal";
  static final Duration PROBE_EVERY = Duration.ofSeconds(5);
  private static final String PROBE_FILE = ".write-probe";

  private record Failure(Instant at, String what) {}

  private final Path dataDir;
  private final InstantSource clock;
  private volatile @Nullable Failure failure;
  private volatile @Nullable Instant lastProbe;

  public JournalWritable(Path dataDir, InstantSource clock) {
    this.dataDir = dataDir;
    this.clock = clock;
  }

  /** An append succeeded. */
  public void appended() {
    if (failure != null) {
      failure = null;
    }
  }

  /** An append failed with {@code e}. */
  public void appendFailed(IOException e) {
    failure = new Failure(clock.instant(), String.valueOf(e.getMessage()));
  }

  @Override
  public synchronized Verdict check() {
    Failure failed = failure;
    if (failed == null) {
      return Verdict.ready(NAME);
    }
    String appendReason = "the last journal append failed at " + failed.at() + ": " + failed.what();
    Instant now = clock.instant();
    if (lastProbe != null && now.isBefore(lastProbe.plus(PROBE_EVERY))) {
      return Verdict.notReady(NAME, appendReason);
    }
    lastProbe = now;
    try {
      probe();
    } catch (IOException | RuntimeException e) {
      return Verdict.notReady(NAME, java.util.List.of(appendReason,
          "a test write into " + dataDir + " failed at " + now + " too: " + e.getMessage()));
    }
    failure = null;
    return Verdict.ready(NAME, "an append failed at " + failed.at() + "; a test write into " + dataDir + " succeeded since");
  }

  private void probe() throws IOException {
    Path file = dataDir.resolve(PROBE_FILE);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(ByteBuffer.wrap(new byte[] {1}));
      channel.force(true);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
