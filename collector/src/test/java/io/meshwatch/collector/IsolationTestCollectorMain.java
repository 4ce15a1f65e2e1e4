package io.meshwatch.collector;

import io.meshwatch.alerting.AlertingConfig;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collector in its own JVM for {@link CollectorIsolationTest}: three products of two domains, each
 * with its own ingest token, alerts firing as soon as their condition holds, a clock set over stdin.
 *
 * <p>Arguments: data dir, start instant. Prints {@code PORT <n>} once listening; then for each stdin
 * line {@code at <instant>} sets the clock and {@code evaluate} evaluates (printing
 * {@code EVALUATION FAILED} should it throw), answering {@code OK}. Closing stdin stops it cleanly.
 */
public final class IsolationTestCollectorMain {

  static final ProductId ORDERS = ProductId.parse("sales.orders");
  static final ProductId STOCK = ProductId.parse("sales.stock");
  static final ProductId LEDGER = ProductId.parse("finance.ledger");
  static final Map<ProductId, String> TOKENS = Map.of(ORDERS, "orders-token", STOCK, "stock-token", LEDGER, "ledger-token");

  private IsolationTestCollectorMain() {}

  public static void main(String[] args) throws Exception {
    TestClock clock = new TestClock(Instant.parse(args[1]));
    MeshwatchCollector collector = MeshwatchCollector.start(config(Path.of(args[0])), clock, products());
    System.out.println("PORT " + collector.port());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith("at ")) {
        clock.set(Instant.parse(line.substring(3)));
      } else if (line.equals("evaluate")) {
        try {
          collector.evaluateNow();
        } catch (RuntimeException e) {
          System.out.println("EVALUATION FAILED " + e);
        }
      }
      System.out.println("OK");
      System.out.flush();
    }
    collector.close();
    System.exit(0);
  }

  static CollectorConfig config(Path dataDir) {
    Map<String, ProductId> ingest = new HashMap<>();
    TOKENS.forEach((product, token) -> ingest.put(token, product));
    AlertingConfig defaults = AlertingConfig.defaults();
    AlertingConfig firingAtOnce = new AlertingConfig(defaults.externalUrl(), Duration.ZERO, defaults.keepFiringFor(),
        defaults.route(), defaults.receivers(), defaults.onCall(), defaults.lineageInhibition(), defaults.delivery());
    return new CollectorConfig("127.0.0.1", 0, dataDir, null, 1 << 20,
        new CollectorConfig.Evaluation(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(1)),
        new CollectorConfig.Storage(CollectorConfig.Storage.DEFAULTS.fsync(), Duration.ofHours(1)),
        new Tokens(Set.of(), ingest), firingAtOnce);
  }

  /** Orders without a freshness SLO, stock with one (declared and learned), the ledger with a quality SLO. */
  static List<DataProduct> products() {
    SloWindow week = SloWindow.rolling(Duration.ofDays(7));
    return List.of(
        product(ORDERS, slo("checks", SliKind.QUALITY, null, week), slo("volume", SliKind.VOLUME, new Threshold.RowBand(10, 1000), week)),
        product(STOCK, slo("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(30)), week),
            slo("fresh-learned", SliKind.FRESHNESS, null, week), slo("checks", SliKind.QUALITY, null, week)),
        product(LEDGER, slo("checks", SliKind.QUALITY, null, week)));
  }

  private static DataProduct product(ProductId id, SloSpec... slos) {
    return new DataProduct(id, id.domain() + "-team", List.of(), "isolation test", List.of(), "1.0.0", List.of(),
        Links.NONE, List.of(slos));
  }

  private static SloSpec slo(String name, SliKind kind, Threshold threshold, SloWindow window) {
    return new SloSpec(name, kind, threshold, 99, window, List.of(), SloSpec.defaultConditions(window), Duration.ZERO);
  }
}
