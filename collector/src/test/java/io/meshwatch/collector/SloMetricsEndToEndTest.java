package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.Tokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLO series dashboards and rules need besides the SLI: each SLO's window length, the thresholds
 * it judges by, burn rates over its own conditions' windows, and the problems the descriptors had.
 * A collector started from a descriptor directory, on a clock in March 2026 (31 days).
 */
class SloMetricsEndToEndTest {

  private static final String ADMIN = "admin-token";
  private static final String DESCRIPTOR = """
      id: metrics.orders
      owner: metrics-team
      version: 1.0.0
      upstream: [metrics.raw]   # declared nowhere: one warning
      slos:
        - name: fresh
          sli: freshness
          threshold: 15m
          objective: 99
          window: 28d
        - name: fresh-learned
          sli: freshness
          objective: 99
          window: 28d
        - name: volume
          sli: volume
          threshold: {min: 10, max: 1000}
          objective: 95
          window: 28d
        - name: volume-learned
          sli: volume
          objective: 95
          window: 28d
        - name: monthly
          sli: quality
          objective: 50
          window: month
          alerting:
            - {severity: page, longWindow: 1h, shortWindow: 5m, budgetConsumed: 2%}
            - {severity: ticket, longWindow: 4h, shortWindow: 20m, budgetConsumed: 5%}
      """;

  private final TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));
  private MeshwatchCollector collector;
  private CollectorClient client;

  @BeforeEach
  void start(@TempDir Path dataDir, @TempDir Path descriptors) throws IOException {
    Files.writeString(descriptors.resolve("orders.yaml"), DESCRIPTOR);
    CollectorConfig config = new CollectorConfig("127.0.0.1", 0, dataDir, descriptors, 1 << 20,
        new CollectorConfig.Evaluation(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(1)),
        CollectorConfig.Storage.DEFAULTS, new Tokens(Set.of(ADMIN), Map.of()));
    collector = MeshwatchCollector.start(config, clock);
    client = new CollectorClient(collector.uri());
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  @Test
  void windowSeconds_isTheRollingLengthOrTheCurrentMonths() {
    assertThat(lines("meshwatch_slo_window_seconds")).contains(
        "meshwatch_slo_window_seconds{domain=\"metrics\",product=\"metrics.orders\",slo=\"monthly\"} 2678400.0",
        "meshwatch_slo_window_seconds{domain=\"metrics\",product=\"metrics.orders\",slo=\"fresh\"} 2419200.0");

    clock.set(Instant.parse("2026-04-01T00:00:00Z"));
    collector.evaluateNow();

    assertThat(lines("meshwatch_slo_window_seconds")).contains(
        "meshwatch_slo_window_seconds{domain=\"metrics\",product=\"metrics.orders\",slo=\"monthly\"} 2592000.0");
  }

  @Test
  void thresholds_declaredOrNaNWhileLearning_onlyForTheirKind() {
    assertThat(lines("meshwatch_slo_freshness_threshold_seconds")).containsExactlyInAnyOrder(
        "meshwatch_slo_freshness_threshold_seconds{domain=\"metrics\",product=\"metrics.orders\",slo=\"fresh\"} 900.0",
        "meshwatch_slo_freshness_threshold_seconds{domain=\"metrics\",product=\"metrics.orders\",slo=\"fresh-learned\"} NaN");
    assertThat(lines("meshwatch_slo_volume_band_rows")).containsExactlyInAnyOrder(
        "meshwatch_slo_volume_band_rows{bound=\"lower\",domain=\"metrics\",product=\"metrics.orders\",slo=\"volume\"} 10.0",
        "meshwatch_slo_volume_band_rows{bound=\"upper\",domain=\"metrics\",product=\"metrics.orders\",slo=\"volume\"} 1000.0",
        "meshwatch_slo_volume_band_rows{bound=\"lower\",domain=\"metrics\",product=\"metrics.orders\",slo=\"volume-learned\"} NaN",
        "meshwatch_slo_volume_band_rows{bound=\"upper\",domain=\"metrics\",product=\"metrics.orders\",slo=\"volume-learned\"} NaN");
  }

  @Test
  void burnRate_coversTheWindowsOfTheSlosOwnConditions() {
    assertThat(lines("meshwatch_slo_burn_rate{domain=\"metrics\",product=\"metrics.orders\",slo=\"monthly\",window=\"4h\""))
        .containsExactly("meshwatch_slo_burn_rate{domain=\"metrics\",product=\"metrics.orders\",slo=\"monthly\",window=\"4h\"} NaN");

    HttpResponse<String> posted = client.post("/api/v1/products/metrics.orders/events", "application/json",
        "[{\"type\":\"quality\",\"check\":\"ids\",\"passed\":false}]".getBytes(StandardCharsets.UTF_8), Optional.of(ADMIN));
    assertThat(posted.statusCode()).isEqualTo(202);
    collector.evaluateNow();

    // One failed check of one, against a 50 % budget: every window burns at 2.
    List<String> monthly = lines("meshwatch_slo_burn_rate{domain=\"metrics\",product=\"metrics.orders\",slo=\"monthly\"");
    assertThat(monthly).hasSize(9).contains(
        "meshwatch_slo_burn_rate{domain=\"metrics\",product=\"metrics.orders\",slo=\"monthly\",window=\"4h\"} 2.0",
        "meshwatch_slo_burn_rate{domain=\"metrics\",product=\"metrics.orders\",slo=\"monthly\",window=\"20m\"} 2.0",
        "meshwatch_slo_burn_rate{domain=\"metrics\",product=\"metrics.orders\",slo=\"monthly\",window=\"1h\"} 2.0");
    // The default conditions use standard windows only: no extra series.
    assertThat(lines("meshwatch_slo_burn_rate{domain=\"metrics\",product=\"metrics.orders\",slo=\"fresh\"")).hasSize(7);
  }

  @Test
  void descriptorProblems_countTheLoadsWarningsAndZeroErrors() {
    assertThat(lines("meshwatch_descriptor_problems")).containsExactlyInAnyOrder(
        "meshwatch_descriptor_problems{severity=\"error\"} 0.0",
        "meshwatch_descriptor_problems{severity=\"warning\"} 1.0");
  }

  /** The samples whose line starts with {@code prefix} and goes on with the (next) labels. */
  private List<String> lines(String prefix) {
    return client.get("/metrics").body().lines()
        .filter(line -> line.startsWith(prefix) && "{,}".indexOf(line.charAt(prefix.length())) >= 0)
        .toList();
  }
}
