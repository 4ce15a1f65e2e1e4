package io.meshwatch.bench;

import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.collector.store.MemorySliStore;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation tick of an {@link SloEngine} holding 10 000 SLOs ({@link SloFleet#mixed}: 2 500
 * products of four SLOs, rolling 28d/30d and calendar-month windows, a fifth with exclusions), each
 * with 30 days of history. Before each tick (not measured) the clock moves by the evaluation
 * interval, 10 s, and a sixtieth of the products report their slot's signals, so every product
 * reports every 10 minutes as it did in the history. {@code store} picks the engine's store:
 * {@code tiered} is {@code MemorySliStore}; {@code naive} its peer {@link NaiveSliStore};
 * {@code tieredWithoutTrend} the tiered store with the forecast's trend switched off
 * ({@link TrendlessSliStore}), to show what the trend costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class SloEvaluationBenchmark {

  static final int PRODUCTS = 2_500;
  static final Duration TICK = Duration.ofSeconds(10);
  private static final int TICKS_PER_SLOT = (int) SloFleet.SLOT.dividedBy(TICK);

  @Param({"tiered", "tieredWithoutTrend", "naive"})
  public String store;

  private SloFleet fleet;
  private SettableClock clock;
  private SloEngine engine;
  private long tick;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    fleet = SloFleet.mixed(PRODUCTS);
    clock = new SettableClock(SloFleet.END);
    SliStore sliStore = switch (store) {
      case "tiered" -> new MemorySliStore();
      case "tieredWithoutTrend" -> new TrendlessSliStore();
      case "naive" -> new NaiveSliStore();
      default -> throw new IllegalArgumentException("unknown store " + store);
    };
    engine = new SloEngine(clock, SloFleet.SILENCE_TIMEOUT, sliStore);
    long started = System.nanoTime();
    fleet.fill(engine, clock);
    System.out.printf("%n%s: %,d SLOs with 30 days of history in %.1f s; %s%n", store, fleet.sloCount(),
        (System.nanoTime() - started) / 1e9, digest(engine.evaluate()));
  }

  /** Between ticks: time passes and some products report, as between two real evaluations. */
  @Setup(Level.Invocation)
  public void ingestBetweenTicks() {
    clock.advance(TICK);
    tick++;
    long slot = SloFleet.HISTORY.dividedBy(SloFleet.SLOT) + tick / TICKS_PER_SLOT;
    Instant now = clock.instant();
    for (int p = (int) (tick % TICKS_PER_SLOT); p < PRODUCTS; p += TICKS_PER_SLOT) {
      for (Signal signal : fleet.signals(p, slot, now)) {
        engine.record(signal, now);
      }
    }
  }

  @Benchmark
  public List<ProductStatus> evaluate() {
    return engine.evaluate();
  }

  /** States and mean compliance, so a reader can see that every store measured the same history. */
  static String digest(List<ProductStatus> statuses) {
    Map<String, Integer> states = new TreeMap<>();
    double compliance = 0;
    int measured = 0;
    for (ProductStatus product : statuses) {
      for (SloStatus slo : product.slos()) {
        states.merge(slo.state().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        if (slo.compliance() != null) {
          compliance += slo.compliance();
          measured++;
        }
      }
    }
    return String.format("states %s, mean compliance %.6f over %,d SLOs", states, compliance / measured, measured);
  }
}
