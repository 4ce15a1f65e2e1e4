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
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A real collector on a free loopback port with two products and a token for each, plus an admin token. */
final class CollectorFixture implements AutoCloseable {

  static final String ADMIN = "admin-token";
  static final ProductId A = ProductId.parse("auth.a");
  static final ProductId B = ProductId.parse("auth.b");
  static final String TOKEN_A = "token-a";
  static final String TOKEN_B = "token-b";

  final MeshwatchCollector collector;
  final CollectorClient client;

  CollectorFixture(Path dataDir, long maxBodyBytes, InstantSource clock) {
    CollectorConfig config = new CollectorConfig("127.0.0.1", 0, dataDir, null, maxBodyBytes,
        new CollectorConfig.Evaluation(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(1)), CollectorConfig.Storage.DEFAULTS,
        new Tokens(Set.of(ADMIN), Map.of(TOKEN_A, A, TOKEN_B, B)));
    collector = MeshwatchCollector.start(config, clock);
    collector.catalog().register(product(A));
    collector.catalog().register(product(B));
    client = new CollectorClient(collector.uri());
  }

  static DataProduct product(ProductId id) {
    return new DataProduct(id, "fixture-team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(
        judgedAtOnce("checks", SliKind.QUALITY, null),
        judgedAtOnce("volume", SliKind.VOLUME, new Threshold.RowBand(10, 1000))));
  }

  /** A 99 % SLO over 28 days that needs no minimum history, so that a test's first events are judged. */
  static SloSpec judgedAtOnce(String name, SliKind kind, @Nullable Threshold threshold) {
    SloWindow window = SloWindow.rolling(Duration.ofDays(28));
    return new SloSpec(name, kind, threshold, 99.0, window, List.of(), SloSpec.defaultConditions(window), Duration.ZERO);
  }

  /** Whether anything was ever recorded for {@code product}. */
  boolean written(ProductId product) {
    return collector.evaluateNow().stream()
        .filter(s -> s.product().equals(product))
        .anyMatch(s -> s.lastSeen() != null);
  }

  @Override
  public void close() {
    collector.close();
  }
}
