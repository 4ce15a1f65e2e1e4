package io.meshwatch.bench;

import io.meshwatch.collector.journal.Journal;
import io.meshwatch.collector.journal.JournalEntry;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.durable.FsyncPolicy;
import io.meshwatch.durable.LogOptions;
import io.meshwatch.model.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signals per second into the persisted store, one thread: each operation is one request's batch of
 * 10 or 100 signals, journaled with one {@link Journal#append} (so the batch survives a
 * {@code kill -9} once it returns) and then recorded into the {@link SloEngine} at its receipt
 * time, as ingest does. {@code sink} picks the path: {@code journalNone} and {@code journalAlways}
 * journal with {@link FsyncPolicy#NONE} and {@link FsyncPolicy#ALWAYS} into a fresh directory under
 * {@code java.io.tmpdir} (local disk here), {@code memory} is the peer that only records. The engine
 * holds the 2 500 products of {@link SloFleet#mixed} (10 000 SLOs); batches cycle through their
 * signals, four per product, so consecutive signals go to different series. The score is signals/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class SloIngestBenchmark {

  @Param({"memory", "journalNone", "journalAlways"})
  public String sink;

  private SloEngine engine;
  private InstantSource clock;
  private Signal[] signals;
  private int next;
  private @Nullable Journal journal;
  private @Nullable Path dir;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SloFleet fleet = SloFleet.mixed(SloEvaluationBenchmark.PRODUCTS);
    // Ingest stamps receipt with the engine's clock; here the real one, as in the collector.
    clock = InstantSource.system();
    engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT);
    fleet.register(engine);
    Instant now = clock.instant();
    List<Signal> all = new ArrayList<>();
    for (int p = 0; p < fleet.products().size(); p++) {
      all.addAll(fleet.signals(p, p, now));
    }
    signals = all.toArray(Signal[]::new);
    // Every series has seen an event before measuring: its buckets are allocated, as in steady state.
    for (Signal signal : signals) {
      engine.record(signal, now);
    }
    if (!sink.equals("memory")) {
      dir = Files.createTempDirectory("meshwatch-ingest-bench");
      FsyncPolicy policy = sink.equals("journalAlways") ? FsyncPolicy.ALWAYS : FsyncPolicy.NONE;
      journal = Journal.open(dir, LogOptions.DEFAULTS.withFsync(policy));
      System.out.printf("%njournal in %s (%s)%n", dir, Files.getFileStore(dir));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (journal != null) {
      journal.close();
      System.out.printf("%njournal held %,d records in %,d bytes%n", journal.lastSequence(), size(dir));
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(10)
  public void batchOf10() throws IOException {
    ingest(10);
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public void batchOf100() throws IOException {
    ingest(100);
  }

  private void ingest(int size) throws IOException {
    Instant receivedAt = clock.instant();
    int from = next;
    next = (next + size) % signals.length;
    if (journal != null) {
      List<JournalEntry> batch = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        batch.add(new JournalEntry(signals[(from + i) % signals.length], receivedAt));
      }
      journal.append(batch);
    }
    for (int i = 0; i < size; i++) {
      engine.record(signals[(from + i) % signals.length], receivedAt);
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long bytes = 0;
      for (Path file : files.toList()) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }
}
