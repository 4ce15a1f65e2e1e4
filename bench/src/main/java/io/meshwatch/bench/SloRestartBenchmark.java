package io.meshwatch.bench;

import io.meshwatch.collector.journal.Journal;
import io.meshwatch.collector.persist.DurableSignals;
import io.meshwatch.collector.persist.EngineState;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.durable.LogOptions;
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
 * in a fresh JVM, as a restart is: {@code fromSnapshot} is the collector's start, a new engine with
 * the products registered and then {@link DurableSignals#open} (journal opened, latest snapshot's
 * checksum, {@code SloEngine.readState}, and the journal after the snapshot replayed); its peer
 * {@code replayJournal} registers the products on a fresh engine whose clock stands where history
 * began and replays all 30 days of the journal through it. After each, the restored engine is evaluated at the end of history and its
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

  /**
   * The restart as the collector does it. The {@link DurableSignals} it opens is not closed: closing
   * takes a snapshot and drops the journal it covers, which the next fork reads; this fork's JVM ends
   * after its one measurement.
   */
  @Benchmark
  public SloEngine fromSnapshot() throws Exception {
    clock = new SettableClock(SloFleet.END);
    long started = System.nanoTime();
    SloEngine engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT);
    fleet.register(engine);
    long registered = System.nanoTime();
    DurableSignals durable = DurableSignals.open(dir, LogOptions.DEFAULTS, new EngineState(engine), clock);
    phases = String.format("register %d ms, DurableSignals.open %d ms: %s",
        (registered - started) / 1_000_000, (System.nanoTime() - registered) / 1_000_000, durable.recovery());
    restored = engine;
    return engine;
  }

  @Benchmark
  public SloEngine replayJournal() throws Exception {
    clock = new SettableClock(SloFleet.END.minus(SloFleet.HISTORY));
    SloEngine engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT);
    fleet.register(engine);
    try (Journal journal = Journal.open(SloHistoryFiles.journalDir(dir), LogOptions.DEFAULTS)) {
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
    System.out.printf("restored %s; original %s: %s; journal %,d entries in %.1f MB, snapshot %.1f MB at entry %,d"
            + " (%,d entries after it)%n", counts, expected, counts.equals(expected) ? "same" : "DIFFERENT",
        Long.parseLong(info.getProperty("journal.entries")), Long.parseLong(info.getProperty("journal.bytes")) / 1e6,
        Long.parseLong(info.getProperty("snapshot.bytes")) / 1e6,
        Long.parseLong(info.getProperty("snapshot.journalSequence")),
        Long.parseLong(info.getProperty("journal.entriesAfterSnapshot")));
  }
}
