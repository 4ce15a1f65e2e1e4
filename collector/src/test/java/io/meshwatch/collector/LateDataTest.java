package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** Late and out-of-order data within the configured lateness lands in its bucket; older data is refused and counted. */
class LateDataTest {

  private static final Instant NOW = Instant.parse("2026-03-02T12:00:30Z");

  private final TestClock clock = new TestClock(NOW);
  private MeshwatchCollector collector;
  private CollectorClient client;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    CollectorConfig config = new CollectorConfig("127.0.0.1", 0, dataDir, null, 1 << 20,
        new CollectorConfig.Evaluation(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(2)),
        CollectorConfig.Storage.DEFAULTS, new Tokens(Set.of(CollectorFixture.ADMIN), Map.of()));
    collector = MeshwatchCollector.start(config, clock, List.of(CollectorFixture.product(CollectorFixture.A)));
    client = new CollectorClient(collector.uri());
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  @Test
  void eventsWithinTheLateness_landInTheirBucket_outOfOrder() {
    // Newest first: a failed check now, a passed one 100 minutes ago (beyond the default hour, within the 2h configured).
    assertThat(post(check(false, NOW)).statusCode()).isEqualTo(202);
    assertThat(post(check(true, NOW.minus(Duration.ofMinutes(100)))).statusCode()).isEqualTo(202);
    collector.evaluateNow();

    JsonNode slo = client.json("/api/v1/products/auth.a/slos/checks?step=1h");
    assertThat(slo.path("events").path("total").asLong()).isEqualTo(2);
    JsonNode points = slo.path("history").path("points");
    JsonNode tenOClock = points.get(points.size() - 3);
    assertThat(tenOClock.path("at").asText()).isEqualTo("2026-03-02T10:00:00Z");
    assertThat(tenOClock.path("sli").asDouble()).isEqualTo(1.0);
    assertThat(points.get(points.size() - 1).path("sli").asDouble()).isEqualTo(0.0);
    // The 5-minute SLI holds the check of now only: the late one went to its own minute.
    assertThat(slo.path("current").asDouble()).isEqualTo(0.0);
  }

  @Test
  void eventsOlderThanTheLateness_areRefusedAsTooLateAndCounted() {
    HttpResponse<String> response = post(check(true, NOW.minus(Duration.ofMinutes(121))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("too_late");
    assertThat(client.get("/metrics").body()).contains("meshwatch_ingest_rejected_total{reason=\"too_late\"} 1.0");
  }

  private static String check(boolean passed, Instant at) {
    return "{\"type\":\"quality\",\"check\":\"ids\",\"passed\":" + passed + ",\"time\":\"" + at + "\"}";
  }

  private HttpResponse<String> post(String body) {
    return client.post("/api/v1/products/" + CollectorFixture.A + "/events", "application/json",
        body.getBytes(StandardCharsets.UTF_8), Optional.of(CollectorFixture.ADMIN));
  }
}
