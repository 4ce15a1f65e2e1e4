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
 * domain token, used to get 503 yet stay in memory, and every later silence or ack answered 503 too.
 * Now the API refuses such a comment with 400 naming its bound, nothing of it is kept, and comments up
 * to the bound (the state itself has no limit: {@code AlertingTest} stores far longer ones) are stored,
 * later changes work, and all of it is there after a restart.
 */
class LongCommentsEndToEndTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final String LONG = "backfill of the whole quarter; ".repeat(3_000); // ~93 KiB
  /** At the API's bound, 4096 characters, each three bytes in UTF-8. */
  private static final String AT_BOUND = "€".repeat(4_096);

  @TempDir Path dataDir;
  private final TestClock clock = new TestClock(T0);

  @Test
  void silenceAndAck_withCommentsOver64KiB_areRefusedNamingTheBound_nothingIsKept_andLaterChangesSurviveARestart() {
    String fingerprint;
    try (MeshwatchCollector collector = start()) {
      CollectorClient client = new CollectorClient(collector.uri());
      AlertingFixture.post(client, "sales.orders", AlertingFixture.runs(0, 10));
      collector.evaluateNow();
      fingerprint = client.json("/api/v1/alerts?severity=page&product=sales.orders").path("alerts").get(0)
          .path("fingerprint").asText();

      HttpResponse<String> silenced = post(client, "/api/v1/silences", silence(LONG));
      assertThat(silenced.statusCode()).as(silenced.body()).isEqualTo(400);
      assertThat(silenced.body()).contains("comment", "4096", "93000");
      HttpResponse<String> acked = post(client, "/api/v1/alerts/" + fingerprint + "/ack",
          "{\"by\": \"jane\", \"comment\": \"" + LONG + "\"}");
      assertThat(acked.statusCode()).as(acked.body()).isEqualTo(400);
      assertThat(acked.body()).contains("comment", "4096");
      assertThat(client.json("/api/v1/silences").path("count").asInt()).isZero();

      assertThat(post(client, "/api/v1/silences", silence(AT_BOUND)).statusCode()).isEqualTo(201);
      HttpResponse<String> ackedAtBound = post(client, "/api/v1/alerts/" + fingerprint + "/ack",
          "{\"by\": \"jane\", \"comment\": \"" + AT_BOUND + "\"}");
      assertThat(ackedAtBound.statusCode()).as(ackedAtBound.body()).isEqualTo(200);
      assertThat(post(client, "/api/v1/silences", silence("short")).statusCode()).isEqualTo(201);
      collector.evaluateNow();
    }
    try (MeshwatchCollector restarted = start()) {
      CollectorClient client = new CollectorClient(restarted.uri());
      JsonNode silences = client.json("/api/v1/silences").path("silences");
      assertThat(silences).extracting(s -> s.path("comment").asText()).containsExactlyInAnyOrder(AT_BOUND, "short");
      assertThat(client.json("/api/v1/alerts?product=sales.orders").path("alerts"))
          .filteredOn(a -> a.path("fingerprint").asText().equals(fingerprint)).singleElement()
          .satisfies(a -> assertThat(a.path("acknowledgement").path("comment").asText()).isEqualTo(AT_BOUND));
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
