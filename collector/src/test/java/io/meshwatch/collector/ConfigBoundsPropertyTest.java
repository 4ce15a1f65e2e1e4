package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.ConfigException;
import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.ConfigBounds;
import io.meshwatch.collector.guard.Extremes;
import io.meshwatch.collector.guard.Field;
import io.meshwatch.model.DurationLabel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Every field of the config table, driven at and past its extremes through the config file a collector
 * is started with: a value outside its bound stops the load with a problem naming the field; and a
 * collector started with every timer and size at its largest, and one with every one at its smallest,
 * evaluates, answers every read and {@code /metrics}, and does so again a year of clock later and
 * after a restart. (Text fields, names and URLs, are loaded at their extremes but not started with: a
 * path of 2048 characters is a bound on text, not one the file system promises to take.)
 */
class ConfigBoundsPropertyTest {

  private static final String TEMPLATE = resource("every-config-field.yaml");
  private static final String DESCRIPTOR = "id: sales.orders\nowner: sales-team\nversion: 1.0.0\nslos:\n"
      + "  - {name: fresh, sli: freshness, threshold: 1h, objective: 99, window: 28d}\n"
      + "  - {name: runs, sli: run_success, objective: 99, window: month}\n";
  private static final String SIGNALS = """
      [{"type":"freshness","dataTime":"2026-11-25T09:50:00Z"},{"type":"run","status":"succeeded"}]""";

  record Case(String field, Extremes.Edge edge) {
    @Override
    public String toString() {
      return field + ": " + edge;
    }
  }

  private Path dir;

  @BeforeProperty
  void makeDir() throws IOException {
    dir = Files.createTempDirectory("meshwatch-config-bounds");
    Files.createDirectories(dir.resolve("descriptors"));
    Files.writeString(dir.resolve("descriptors").resolve("orders.yaml"), DESCRIPTOR);
  }

  @AfterProperty
  void removeDir() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 10_000)
  void everyEdgeOfEveryField_isRefusedNamingItOrLoads(@ForAll("cases") Case c) throws IOException {
    Path file = write(config(Map.of(c.field(), c.edge().value())));

    try {
      CollectorConfig.load(file, Map.of());
    } catch (ConfigException e) {
      if (!c.edge().inside()) {
        assertThat(e.getMessage()).containsPattern(named(c.field()));
      }
    }
  }

  @Example
  void everyTimerAndSizeAtItsLargest_leavesACollectorWholeForAYearAndARestart() throws IOException {
    startAndDrive(Bound.Span::max, Bound.Count::max);
  }

  @Example
  void everyTimerAndSizeAtItsSmallest_leavesACollectorWhole() throws IOException {
    startAndDrive(Bound.Span::min, Bound.Count::min);
  }

  @Provide
  Arbitrary<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Field<?> field : ConfigBounds.TABLE.fields()) {
      Extremes.of(field.bound(), BoundaryCollector.T0).forEach(edge -> cases.add(new Case(field.name(), edge)));
    }
    return Arbitraries.of(cases);
  }

  private void startAndDrive(Function<Bound.Span, Duration> span, Function<Bound.Count, Long> count) throws IOException {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (Field<?> field : ConfigBounds.TABLE.fields()) {
      if (field.bound() instanceof Bound.Span s) {
        values.put(field.name(), DurationLabel.of(span.apply(s)));
      } else if (field.bound() instanceof Bound.Count c && !field.name().equals("server.port")) {
        values.put(field.name(), count.apply(c));
      }
    }
    values.put("descriptors", "descriptors");
    Path file = write(config(values));
    CollectorConfig config = CollectorConfig.load(file, Map.of());
    TestClock clock = new TestClock(BoundaryCollector.T0);
    try (MeshwatchCollector collector = MeshwatchCollector.start(config, clock)) {
      drive(collector, clock);
    }
    try (MeshwatchCollector restarted = MeshwatchCollector.start(config, clock)) {
      drive(restarted, clock);
    }
  }

  private static void drive(MeshwatchCollector collector, TestClock clock) {
    CollectorClient client = new CollectorClient(collector.uri());
    var posted = client.post("/api/v1/products/sales.orders/events", "application/json",
        SIGNALS.getBytes(StandardCharsets.UTF_8), Optional.of("admin-token"));
    // With the smallest body limit (one byte) no signal fits: refused as too large, which is no failure.
    assertThat(posted.statusCode()).as(posted.body()).isIn(202, 413);
    for (Duration step : List.of(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(366))) {
      clock.advance(step);
      collector.evaluateNow();
      for (String path : List.of("/api/v1/products", "/api/v1/products/sales.orders", "/api/v1/slos",
          "/api/v1/products/sales.orders/slos/fresh", "/api/v1/products/sales.orders/slos/runs?step=1d",
          "/api/v1/alerts", "/api/v1/silences", "/metrics")) {
        var read = client.get(path);
        assertThat(read.statusCode()).as("GET " + path + ": " + read.body()).isEqualTo(200);
      }
    }
  }

  /** The template with each of {@code values} set at its field, as YAML. */
  @SuppressWarnings("unchecked")
  private static String config(Map<String, Object> values) {
    Map<String, Object> document = (Map<String, Object>) DescriptorBoundsPropertyTest.YAML.load(TEMPLATE);
    values.forEach((field, value) -> {
      if (field.startsWith("tokens.") && field.contains(".*")) {
        // A key of data (a product id, a domain) holds dots of its own: set under an existing one.
        Map<String, Object> scope = (Map<String, Object>) ((Map<String, Object>) document.get("tokens"))
            .get(field.split("\\.")[1]);
        String key = scope.keySet().iterator().next();
        scope.put(key, field.endsWith("[]") ? new ArrayList<>(List.of(value)) : value);
      } else {
        DescriptorBoundsPropertyTest.set(document, field, value);
      }
    });
    return DescriptorBoundsPropertyTest.DUMP.dump(document);
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("meshwatch.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** The field as a problem names it: list items by their index, a data key by itself. */
  private static String named(String field) {
    return Pattern.quote(field).replace("[]", "\\E\\[\\d+]\\Q").replace(".*", "\\E\\.[^:]+\\Q");
  }

  private static String resource(String name) {
    try {
      return Files.readString(Path.of(ConfigBoundsPropertyTest.class.getResource("/guard/" + name).toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
