package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A silence and an acknowledgement whose comments are far over 64 KiB, sent over the HTTP API with a
 * domain token: both are stored (they used to get 503 yet stay in memory, and every later silence or
 * ack answered 503 too), later changes work, and all of it is there after a restart.
 */
class LongCommentsEndToEndTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final String LONG = "backfill of the whole quarter; ".repeat(3_000); // ~93 KiB

  @TempDir Path dataDir;
  private final TestClock clock = new TestClock(T0);

  @Test
  void silenceAndAck_withCommentsOver64KiB_areStored_laterChangesWork_andARestartKeepsAll() {
    String fingerprint;
    try (MeshwatchCollector collector = start()) {
      CollectorClient client = new CollectorClient(collector.uri());
      AlertingFixture.post(client, "sales.orders", AlertingFixture.runs(0, 10));
      collector.evaluateNow();
      fingerprint = client.json("/api/v1/alerts?severity=page&product=sales.orders").path("alerts").get(0)
          .path("fingerprint").asText();

      HttpResponse<String> silenced = post(client, "/api/v1/silences", silence(LONG));
      assertThat(silenced.statusCode()).as(silenced.body()).isEqualTo(201);
      HttpResponse<String> acked = post(client, "/api/v1/alerts/" + fingerprint + "/ack",
          "{\"by\": \"jane\", \"comment\": \"" + LONG + "\"}");
      assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
      assertThat(post(client, "/api/v1/silences", silence("short")).statusCode()).isEqualTo(201);
      collector.evaluateNow();
    }
    try (MeshwatchCollector restarted = start()) {
      CollectorClient client = new CollectorClient(restarted.uri());
      JsonNode silences = client.json("/api/v1/silences").path("silences");
      assertThat(silences).extracting(s -> s.path("comment").asText()).containsExactlyInAnyOrder(LONG, "short");
      assertThat(client.json("/api/v1/alerts?product=sales.orders").path("alerts"))
          .filteredOn(a -> a.path("fingerprint").asText().equals(fingerprint)).singleElement()
          .satisfies(a -> assertThat(a.path("acknowledgement").path("comment").asText()).isEqualTo(LONG));
    }
  }

  private MeshwatchCollector start() {
    return MeshwatchCollector.start(AlertingFixture.config(dataDir, AlertingFixture.alerting(List.of(), List.of())), clock,
        List.of(AlertingFixture.runs("sales.orders", List.of())));
  }

  private static String silence(String comment) {
    return "{\"matchers\": [\"domain=\\\"sales\\\"\"], \"createdBy\": \"jane\", \"comment\": \"" + comment
        + "\", \"duration\": \"2h\"}";
  }

  private static HttpResponse<String> post(CollectorClient client, String path, String body) {
    return client.post(path, "application/json", body.getBytes(StandardCharsets.UTF_8), Optional.of(AlertingFixture.SALES_TOKEN));
  }
}
