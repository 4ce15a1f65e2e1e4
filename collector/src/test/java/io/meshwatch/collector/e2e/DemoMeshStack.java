package io.meshwatch.collector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwatch.dashboards.rules.PrometheusRulesGenerator;
import io.meshwatch.dashboards.rules.RulesOptions;
import io.meshwatch.model.DataProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole stack the end-to-end tests read: the collector running the demo mesh, the generated
 * Prometheus rules for the demo's products, and a real Prometheus scraping the collector every second
 * and evaluating those rules. Expensive to start (the demo needs a minute to show its misbehaviour),
 * so the tests share one through {@link DemoMeshExtension}.
 */
final class DemoMeshStack implements AutoCloseable {

  /**
   * The generator's defaults, but rule groups evaluated every second like the scrape (the default 30s
   * would leave Prometheus up to 30s behind the collector). {@code for} and {@code keep_firing_for}
   * stay as generated: the agreement test compares pending and firing alike.
   */
  static final RulesOptions RULES_OPTIONS = new RulesOptions(PrometheusServer.SCRAPE_INTERVAL,
      RulesOptions.DEFAULTS.alertFor(), RulesOptions.DEFAULTS.keepFiringFor());

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final DemoMeshCollector collector;
  private final List<Path> ruleFiles;
  private final PrometheusServer prometheus;
  private final HttpClient http = HttpClient.newHttpClient();

  private DemoMeshStack(Path dir, DemoMeshCollector collector, List<Path> ruleFiles, PrometheusServer prometheus) {
    this.dir = dir;
    this.collector = collector;
    this.ruleFiles = ruleFiles;
    this.prometheus = prometheus;
  }

  /** The generated rule files for {@code products}, written into {@code directory}: the one line to switch generators. */
  static List<Path> writeRules(Path directory, List<DataProduct> products) throws IOException {
    return new PrometheusRulesGenerator(RULES_OPTIONS).writeTo(directory, products);
  }

  static DemoMeshStack start() throws IOException {
    Path dir = Files.createTempDirectory("meshwatch-e2e");
    DemoMeshCollector collector = DemoMeshCollector.start(dir.resolve("collector"));
    try {
      List<Path> ruleFiles = writeRules(dir.resolve("rules"), collector.products());
      PrometheusServer prometheus = PrometheusServer.start(collector.uri().resolve("/metrics"), ruleFiles);
      return new DemoMeshStack(dir, collector, ruleFiles, prometheus);
    } catch (IOException | RuntimeException | Error e) {
      collector.close();
      throw e;
    }
  }

  DemoMeshCollector collector() {
    return collector;
  }

  List<DataProduct> products() {
    return collector.products();
  }

  PrometheusServer prometheus() {
    return prometheus;
  }

  List<Path> ruleFiles() {
    return ruleFiles;
  }

  /** {@code GET path} on the collector's REST API, as a JSON tree; anything but 200 fails. */
  JsonNode collectorJson(String path) {
    URI uri = collector.uri().resolve(path);
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      prometheus.close();
    } finally {
      collector.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // A leftover temp directory is not worth failing a test over.
      }
    }
  }
}
