package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A real collector for the bounds property tests, on a fixed clock and a data dir of its own: a
 * product with an SLO of every kind (declared and learned thresholds, rolling and calendar windows)
 * whose runs fail, so that alerts fire, and tokens of every kind. {@link #assertUnbroken} is what no
 * accepted value may break: evaluation, every API read and {@code /metrics}; {@link #restart} starts it
 * again on the same data dir.
 */
final class BoundaryCollector implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final String ADMIN = "bounds-admin";
  static final String INGEST = "bounds-ingest";
  static final String DOMAIN = "bounds-sales";
  static final ProductId ORDERS = ProductId.parse("sales.orders");

  final TestClock clock = new TestClock(T0);
  final Path dataDir;
  private final CollectorConfig config;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  MeshwatchCollector collector;
  CollectorClient client;
  private double rejected;

  BoundaryCollector() {
    try {
      dataDir = Files.createTempDirectory("meshwatch-bounds");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CollectorConfig alerting = AlertingFixture.config(dataDir, AlertingFixture.alerting(List.of(), List.of()));
    // Bodies up to 32 MiB: the largest valid and just-too-large lists of every table fit in one.
    config = new CollectorConfig("127.0.0.1", 0, dataDir, null, 32L << 20, alerting.evaluation(), alerting.storage(),
        new Tokens(Set.of(ADMIN), Map.of(INGEST, ORDERS), Map.of(DOMAIN, "sales")), alerting.alerting());
    start();
    post("/api/v1/products/" + ORDERS + "/events", AlertingFixture.runs(1, 9), ADMIN);
    collector.evaluateNow();
  }

  static DataProduct orders() {
    SloWindow month = new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"));
    return new DataProduct(ORDERS, "sales-team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(
        CollectorFixture.judgedAtOnce("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofHours(1))),
        CollectorFixture.judgedAtOnce("fresh-learned", SliKind.FRESHNESS, null),
        CollectorFixture.judgedAtOnce("checks", SliKind.QUALITY, null),
        CollectorFixture.judgedAtOnce("volume", SliKind.VOLUME, new Threshold.RowBand(10, 1000)),
        CollectorFixture.judgedAtOnce("volume-learned", SliKind.VOLUME, null),
        CollectorFixture.judgedAtOnce("reads", SliKind.AVAILABILITY, null),
        CollectorFixture.judgedAtOnce("runs", SliKind.RUN_SUCCESS, null),
        new SloSpec("runs-monthly", SliKind.RUN_SUCCESS, null, 99, month, List.of(), SloSpec.defaultConditions(month),
            Duration.ZERO)));
  }

  private void start() {
    collector = MeshwatchCollector.start(config, clock, List.of(orders()));
    client = new CollectorClient(collector.uri());
  }

  void restart() {
    collector.close();
    start();
    rejected = 0; // counters start again at zero
  }

  HttpResponse<String> post(String path, String body, String token) {
    return client.post(path, "application/json", body.getBytes(StandardCharsets.UTF_8), Optional.ofNullable(token));
  }

  /**
   * Evaluates, then reads {@code /metrics} and, for each of {@code products}, the product and every SLO
   * of it (the history in its default step): what an accepted value would break first.
   */
  void assertUnbroken(List<String> products) {
    assertUnbroken(products, false);
  }

  /** {@link #assertUnbroken(List)}, and with {@code everything} every list and every history in a step of a day too. */
  void assertUnbroken(List<String> products, boolean everything) {
    collector.evaluateNow();
    List<String> first = new ArrayList<>(List.of("/metrics"));
    if (everything) {
      first.addAll(List.of("/api/v1/products", "/api/v1/slos", "/api/v1/alerts", "/api/v1/silences", "/health"));
    }
    products.forEach(product -> first.add("/api/v1/products/" + product));
    List<String> slos = new ArrayList<>();
    Map<String, HttpResponse<String>> read = getAll(first);
    for (String product : products) {
      for (JsonNode slo : CollectorClient.parse(read.get("/api/v1/products/" + product).body()).path("status").path("slos")) {
        String path = "/api/v1/products/" + product + "/slos/" + slo.path("name").asText();
        slos.add(path);
        if (everything) {
          slos.add(path + "?step=1d");
        }
      }
    }
    getAll(slos);
  }

  private Map<String, HttpResponse<String>> getAll(List<String> paths) {
    Map<String, CompletableFuture<HttpResponse<String>>> pending = new LinkedHashMap<>();
    for (String path : paths) {
      pending.put(path, http.sendAsync(HttpRequest.newBuilder(collector.uri().resolve(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
    pending.forEach((path, response) -> {
      HttpResponse<String> done = response.join();
      assertThat(done.statusCode()).as("GET " + path + ": " + done.body()).isEqualTo(200);
      responses.put(path, done);
    });
    return responses;
  }

  /**
   * Asserts that a refusal was counted: {@code meshwatch_ingest_rejected_total}, summed over its
   * reasons, grew since the last refusal asserted (nothing accepted counts there).
   */
  void assertRefusalCounted() {
    double now = client.get("/metrics").body().lines()
        .filter(line -> line.startsWith("meshwatch_ingest_rejected_total{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
    assertThat(now).as("meshwatch_ingest_rejected_total").isGreaterThan(rejected);
    rejected = now;
  }

  /** Every product the collector knows, as {@link #assertUnbroken} takes them. */
  List<String> products() {
    return collector.catalog().all().stream().map(p -> p.id().toString()).toList();
  }

  @Override
  public void close() {
    collector.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
