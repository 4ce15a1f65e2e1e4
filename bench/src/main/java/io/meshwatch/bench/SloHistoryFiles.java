package io.meshwatch.bench;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.journal.Journal;
import io.meshwatch.collector.persist.EngineState;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SloStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The files the restart benchmark starts from: 30 days of {@link SloFleet#mixed} history (2 500
 * products, 10 000 SLOs) in a collector's data directory ({@code journal/} with its snapshots), as
 * {@code DurableSignals} would have written them: every batch of 100 signals journaled and then
 * applied, and a snapshot of the engine's state ({@code SloEngine.writeState}) {@link #TAIL} before
 * the end, the collector's default snapshot interval, so a restart replays the journal after it: the
 * most a crash leaves to replay. Unlike {@code DurableSignals.snapshot} the build keeps the journal
 * the snapshot covers, which the replay peer reads. Kept in {@code $MESHWATCH_SLO_DIR} (default
 * {@code java.io.tmpdir/meshwatch-slo-restart}) and reused by every fork; {@code info.properties}
 * records the sizes and the counts a restored engine must reproduce. Run it before the benchmark (it
 * rebuilds the files):
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.meshwatch.bench.SloHistoryFiles
 * }</pre>
 */
public final class SloHistoryFiles {

  static final int PRODUCTS = SloEvaluationBenchmark.PRODUCTS;

  /** How long before the end of history the snapshot is taken: the collector's default snapshot interval. */
  static final Duration TAIL = CollectorConfig.Storage.DEFAULTS.snapshotInterval();

  private SloHistoryFiles() {}

  public static void main(String[] args) throws Exception {
    Path dir = dir();
    build(dir);
    Properties info = info(dir);
    info.stringPropertyNames().stream().sorted().forEach(key -> System.out.println(key + "=" + info.getProperty(key)));
  }

  static Path dir() {
    String configured = System.getenv("MESHWATCH_SLO_DIR");
    return configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"), "meshwatch-slo-restart");
  }

  static Path journalDir(Path dir) {
    return dir.resolve("journal");
  }

  /** The snapshot the journal keeps at {@code sequence}. */
  static Path snapshotFile(Path dir, long sequence) {
    return journalDir(dir).resolve("snapshots").resolve(String.format("%020d.snap", sequence));
  }

  /** What the last build recorded; fails when there was none. */
  static Properties info(Path dir) throws IOException {
    Path file = dir.resolve("info.properties");
    if (!Files.exists(file)) {
      throw new IllegalStateException("no SLO history in " + dir + "; build it first: java -cp bench/target/benchmarks.jar "
          + SloHistoryFiles.class.getName());
    }
    Properties info = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      info.load(in);
    }
    return info;
  }

  static void build(Path dir) throws Exception {
    delete(dir);
    Files.createDirectories(dir);
    SloFleet fleet = SloFleet.mixed(PRODUCTS);
    SettableClock clock = new SettableClock(SloFleet.END.minus(SloFleet.HISTORY));
    SloEngine engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT);
    fleet.register(engine);
    EngineState state = new EngineState(engine);
    Instant snapshotAt = SloFleet.END.minus(TAIL);
    Path[] snapshot = new Path[1];
    long[] snapshotSequence = new long[1];
    double[] snapshotSeconds = new double[1];
    long started = System.nanoTime();
    long sequence;
    long[] entryCount = new long[2];
    try (Journal journal = Journal.open(journalDir(dir), LogOptions.DEFAULTS)) {
      fleet.history(SloFleet.END.minus(SloFleet.HISTORY), SloFleet.END, 25, entries -> {
        if (snapshot[0] == null && !entries.get(0).receivedAt().isBefore(snapshotAt)) {
          long writing = System.nanoTime();
          snapshotSequence[0] = journal.lastSequence();
          entryCount[1] = entryCount[0];
          journal.snapshot(snapshotSequence[0], state::write);
          snapshot[0] = snapshotFile(dir, snapshotSequence[0]);
          snapshotSeconds[0] = (System.nanoTime() - writing) / 1e9;
        }
        journal.append(entries);
        entryCount[0] += entries.size();
        entries.forEach(e -> state.apply(e.signal(), e.receivedAt()));
      });
      sequence = journal.lastSequence();
    }
    double journalSeconds = (System.nanoTime() - started) / 1e9 - snapshotSeconds[0];
    clock.set(SloFleet.END);
    String counts = counts(engine.evaluate());

    Properties info = new Properties();
    info.setProperty("products", Integer.toString(PRODUCTS));
    info.setProperty("slos", Integer.toString(fleet.sloCount()));
    info.setProperty("journal.entries", Long.toString(entryCount[0]));
    info.setProperty("journal.records", Long.toString(sequence));
    info.setProperty("journal.bytes", Long.toString(size(journalDir(dir))));
    info.setProperty("snapshot.bytes", Long.toString(Files.size(snapshot[0])));
    info.setProperty("snapshot.journalSequence", Long.toString(snapshotSequence[0]));
    info.setProperty("journal.entriesAfterSnapshot", Long.toString(entryCount[0] - entryCount[1]));
    info.setProperty("build.journalAndRecordSeconds", String.format("%.1f", journalSeconds));
    info.setProperty("build.snapshotWriteSeconds", String.format("%.2f", snapshotSeconds[0]));
    info.setProperty("counts", counts);
    try (Writer out = Files.newBufferedWriter(dir.resolve("info.properties"))) {
      info.store(out, "SLO history for SloRestartBenchmark");
    }
  }

  /** Good and total events over every SLO's window at the last evaluation: a restore must reproduce them. */
  static String counts(List<ProductStatus> statuses) {
    long good = 0;
    long total = 0;
    for (ProductStatus product : statuses) {
      for (SloStatus slo : product.slos()) {
        good += slo.goodEvents();
        total += slo.totalEvents();
      }
    }
    return "good " + good + " of " + total;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      long bytes = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
