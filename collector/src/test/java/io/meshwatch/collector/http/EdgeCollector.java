package io.meshwatch.collector.http;

import io.meshwatch.collector.MeshwatchCollector;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.ServerConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A real collector on a free loopback port with two products, their ingest tokens and an admin token, for edge tests. */
final class EdgeCollector implements AutoCloseable {

  static final String ADMIN = "edge-admin";
  static final ProductId A = ProductId.parse("edge.a");
  static final ProductId B = ProductId.parse("edge.b");
  static final String TOKEN_A = "edge-token-a";
  static final String TOKEN_B = "edge-token-b";

  final MeshwatchCollector collector;

  EdgeCollector(Path dataDir, ServerConfig server) {
    this(dataDir, server, 1 << 20, InstantSource.system());
  }

  EdgeCollector(Path dataDir, ServerConfig server, long maxBodyBytes, InstantSource clock) {
    this(CollectorConfig.defaults().withPort(0).withDataDir(dataDir).withServer(server)
        .withTokens(new Tokens(Set.of(ADMIN), Map.of(TOKEN_A, A, TOKEN_B, B))), maxBodyBytes, clock);
  }

  EdgeCollector(CollectorConfig config, long maxBodyBytes, InstantSource clock) {
    CollectorConfig sized = new CollectorConfig(config.host(), config.port(), config.dataDir(), null, maxBodyBytes,
        config.evaluation(), config.storage(), config.tokens(), config.alerting(), config.dashboards(), config.limits(), config.server(),
        config.rateLimits());
    collector = MeshwatchCollector.start(sized, clock, List.of(product(A), product(B)));
  }

  URI uri() {
    return collector.uri();
  }

  static DataProduct product(ProductId id) {
    SloWindow window = SloWindow.rolling(Duration.ofDays(28));
    return new DataProduct(id, "edge-team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(
        new SloSpec("checks", SliKind.QUALITY, null, 99.0, window, List.of(), SloSpec.defaultConditions(window), Duration.ZERO)));
  }

  /** A JSON events request for {@code product} with {@code token}, as raw bytes with a Content-Length. */
  static String eventsRequest(ProductId product, String token, String body) {
    return "POST /api/v1/products/" + product + "/events HTTP/1.1\r\nHost: edge\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  /** The value of the /metrics sample of {@code metric} whose labels hold {@code label}, read on a connection of its own. */
  Optional<Double> sample(String metric, String label) {
    try (RawConnection connection = new RawConnection(uri())) {
      connection.send("GET /metrics HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(connection::closedByPeer);
      return connection.received().lines()
          .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
          .filter(line -> line.contains(label))
          .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
          .findFirst();
    }
  }

  @Override
  public void close() {
    collector.close();
  }
}
