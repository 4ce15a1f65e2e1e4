package io.meshwatch.collector;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collector in its own JVM for {@link CollectorCrashTest}: started on a free port with a clock the
 * test sets over stdin, so that the crashed collector and its twin see the same instants.
 *
 * <p>Arguments: data dir, start instant. Prints {@code PORT <n>} once listening; then for each stdin
 * line {@code at <instant>} sets the clock, {@code evaluate} evaluates and {@code snapshot} snapshots,
 * answering {@code OK}.
 */
public final class CrashTestCollectorMain {

  static final String ADMIN = "crash-test-admin";
  static final ProductId ORDERS = ProductId.parse("sales.orders");

  private CrashTestCollectorMain() {}

  public static void main(String[] args) throws Exception {
    TestClock clock = new TestClock(Instant.parse(args[1]));
    serve(MeshwatchCollector.start(config(Path.of(args[0])), clock, products()), clock);
  }

  /** Prints the port, then follows stdin's commands until it closes. */
  static void serve(MeshwatchCollector collector, TestClock clock) throws Exception {
    System.out.println("PORT " + collector.port());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith("at ")) {
        clock.set(Instant.parse(line.substring(3)));
      } else if (line.equals("evaluate")) {
        collector.evaluateNow();
      } else if (line.equals("snapshot")) {
        collector.snapshotNow();
      }
      System.out.println("OK");
      System.out.flush();
    }
    collector.close();
  }

  static CollectorConfig config(Path dataDir) {
    // A long evaluation interval: the test evaluates when it wants to compare.
    return new CollectorConfig("127.0.0.1", 0, dataDir, null, 1 << 20,
        new CollectorConfig.Evaluation(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(1)),
        new CollectorConfig.Storage(CollectorConfig.Storage.DEFAULTS.fsync(), Duration.ofHours(1)),
        new Tokens(Set.of(ADMIN), Map.of()));
  }

  /** One product with an SLO of every kind, declared and learned thresholds, judged from the first minute. */
  static List<DataProduct> products() {
    SloWindow week = SloWindow.rolling(Duration.ofDays(7));
    List<SloSpec> slos = List.of(
        slo("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(10)), week),
        slo("fresh-learned", SliKind.FRESHNESS, null, week),
        slo("checks", SliKind.QUALITY, null, week),
        slo("reads", SliKind.AVAILABILITY, null, week),
        slo("runs", SliKind.RUN_SUCCESS, null, week),
        slo("volume", SliKind.VOLUME, new Threshold.RowBand(800, 1200), week),
        slo("volume-learned", SliKind.VOLUME, null, week));
    return List.of(new DataProduct(ORDERS, "sales-team", List.of(), "crash test", List.of(), "1.0.0", List.of(),
        new Links(null, null), slos));
  }

  private static SloSpec slo(String name, SliKind kind, Threshold threshold, SloWindow window) {
    return new SloSpec(name, kind, threshold, 99, window, List.of(), SloSpec.defaultConditions(window), Duration.ZERO);
  }
}
