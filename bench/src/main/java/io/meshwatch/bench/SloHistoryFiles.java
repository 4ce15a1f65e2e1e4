package io.meshwatch.bench;

import io.meshwatch.collector.journal.Journal;
import io.meshwatch.collector.journal.JournalOptions;
import io.meshwatch.collector.journal.SnapshotFile;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.collector.store.MemorySliStore;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SloStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The files the restart benchmark starts from: 30 days of {@link SloFleet#mixed} history (2 500
 * products, 10 000 SLOs) as a collector would have written them, every batch of 100 signals
 * journaled and then recorded, plus a snapshot of the state at the end. Kept in
 * {@code $MESHWATCH_SLO_DIR} (default {@code java.io.tmpdir/meshwatch-slo-restart}) and reused by
 * every fork; {@code info.properties} records the sizes and the counts a restored engine must
 * reproduce. Run it before the benchmark (it rebuilds the files):
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.meshwatch.bench.SloHistoryFiles
 * }</pre>
 */
public final class SloHistoryFiles {

  static final int PRODUCTS = SloEvaluationBenchmark.PRODUCTS;

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

  static Path snapshotDir(Path dir) {
    return dir.resolve("snapshot");
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
    MemorySliStore store = new MemorySliStore();
    SloEngine engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT, store);
    fleet.register(engine);
    long started = System.nanoTime();
    long sequence;
    try (Journal journal = Journal.open(journalDir(dir), JournalOptions.DEFAULTS)) {
      fleet.history(SloFleet.END.minus(SloFleet.HISTORY), SloFleet.END, 25, entries -> {
        journal.append(entries);
        entries.forEach(e -> engine.record(e.signal(), e.receivedAt()));
      });
      sequence = journal.lastSequence();
    }
    double journalSeconds = (System.nanoTime() - started) / 1e9;
    clock.set(SloFleet.END);
    String counts = counts(engine.evaluate());
    started = System.nanoTime();
    Path snapshot = SnapshotFile.write(snapshotDir(dir), sequence, out -> EngineState.write(engine, store, out));
    double snapshotSeconds = (System.nanoTime() - started) / 1e9;

    Properties info = new Properties();
    info.setProperty("products", Integer.toString(PRODUCTS));
    info.setProperty("slos", Integer.toString(fleet.sloCount()));
    info.setProperty("journal.entries", Long.toString(sequence));
    info.setProperty("journal.bytes", Long.toString(size(journalDir(dir))));
    info.setProperty("snapshot.bytes", Long.toString(Files.size(snapshot)));
    info.setProperty("build.journalAndRecordSeconds", String.format("%.1f", journalSeconds));
    info.setProperty("build.snapshotWriteSeconds", String.format("%.2f", snapshotSeconds));
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
