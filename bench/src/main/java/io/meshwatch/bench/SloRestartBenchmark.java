package io.meshwatch.bench;

import io.meshwatch.collector.journal.Journal;
import io.meshwatch.collector.journal.JournalOptions;
import io.meshwatch.collector.journal.Snapshot;
import io.meshwatch.collector.journal.SnapshotFile;
import io.meshwatch.collector.slo.SloEngine;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Restart time with 10 000 SLOs and 30 days of history ({@link SloHistoryFiles}), each measured once
 * in a fresh JVM, as a restart is: {@code fromSnapshot} reads the latest snapshot (checksum, then
 * {@link EngineState#read}: the store and the products re-registered) and replays the journal after
 * it (empty here: the snapshot was taken at its end); its peer {@code replayJournal} registers the
 * products on a fresh engine whose clock stands where history began and replays all 30 days of the
 * journal through it. After each, the restored engine is evaluated at the end of history and its
 * counts compared with the original's (not measured). The files are read from the page cache: a
 * restart right after the collector stopped, not one from a cold disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(2)
public class SloRestartBenchmark {

  private SloFleet fleet;
  private Path dir;
  private Properties info;
  private SettableClock clock;
  private SloEngine restored;
  private String phases = "";

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = SloHistoryFiles.dir();
    info = SloHistoryFiles.info(dir);
    fleet = SloFleet.mixed(SloHistoryFiles.PRODUCTS);
  }

  @Benchmark
  public SloEngine fromSnapshot() throws Exception {
    clock = new SettableClock(SloFleet.END);
    long started = System.nanoTime();
    long after;
    long verified;
    try (Snapshot snapshot = SnapshotFile.readLatest(SloHistoryFiles.snapshotDir(dir)).orElseThrow()) {
      verified = System.nanoTime();
      restored = EngineState.read(snapshot.data(), clock, fleet.products());
      after = snapshot.journalSequence();
    }
    long read = System.nanoTime();
    try (Journal journal = Journal.open(SloHistoryFiles.journalDir(dir), JournalOptions.DEFAULTS)) {
      SloEngine engine = restored;
      journal.replay(after, e -> engine.record(e.signal(), e.receivedAt()));
    }
    phases = String.format("checksum %d ms, read + register %d ms, journal open + replay after it %d ms",
        (verified - started) / 1_000_000, (read - verified) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
    return restored;
  }

  @Benchmark
  public SloEngine replayJournal() throws Exception {
    clock = new SettableClock(SloFleet.END.minus(SloFleet.HISTORY));
    SloEngine engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT);
    fleet.register(engine);
    try (Journal journal = Journal.open(SloHistoryFiles.journalDir(dir), JournalOptions.DEFAULTS)) {
      journal.replay(0, e -> engine.record(e.signal(), e.receivedAt()));
    }
    clock.set(SloFleet.END);
    restored = engine;
    return engine;
  }

  @TearDown(Level.Iteration)
  public void check() {
    clock.set(SloFleet.END);
    String counts = SloHistoryFiles.counts(restored.evaluate());
    String expected = info.getProperty("counts");
    System.out.printf("%n%s%n", phases);
    System.out.printf("restored %s; original %s: %s; journal %,d entries in %.1f MB, snapshot %.1f MB%n", counts,
        expected, counts.equals(expected) ? "same" : "DIFFERENT",
        Long.parseLong(info.getProperty("journal.entries")), Long.parseLong(info.getProperty("journal.bytes")) / 1e6,
        Long.parseLong(info.getProperty("snapshot.bytes")) / 1e6);
  }
}
