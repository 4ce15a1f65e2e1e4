package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts, acknowledgement and silences API: filters, domain-scoped tokens, and clear 4xx for bad input. */
class AlertsApiTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir Path dataDir;
  private final TestClock clock = new TestClock(T0);
  private MeshwatchCollector collector;
  private CollectorClient client;

  @BeforeEach
  void burnBothProducts() {
    collector = MeshwatchCollector.start(AlertingFixture.config(dataDir, AlertingFixture.alerting(List.of(), List.of())), clock,
        List.of(AlertingFixture.runs("sales.orders", List.of()), AlertingFixture.runs("finance.ledger", List.of())));
    client = new CollectorClient(collector.uri());
    AlertingFixture.post(client, "sales.orders", AlertingFixture.runs(0, 10));
    AlertingFixture.post(client, "finance.ledger", AlertingFixture.runs(0, 10));
    collector.evaluateNow();
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  @Test
  void alerts_filterByStateSeverityProductAndDomain() {
    assertThat(client.json("/api/v1/alerts").path("count").asInt()).isEqualTo(6);
    assertThat(client.json("/api/v1/alerts?state=firing&severity=page").path("alerts"))
        .extracting(a -> a.path("product").asText()).containsExactlyInAnyOrder("sales.orders", "finance.ledger");
    assertThat(client.json("/api/v1/alerts?product=sales.orders").path("count").asInt()).isEqualTo(3);
    assertThat(client.json("/api/v1/alerts?domain=finance").path("alerts"))
        .allSatisfy(a -> assertThat(a.path("labels").path("domain").asText()).isEqualTo("finance"));
    assertThat(client.json("/api/v1/alerts?state=pending").path("count").asInt()).isZero();

    assertThat(client.get("/api/v1/alerts?state=burning")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("state: must be one of pending, firing, suppressed, resolved, got 'burning'");
    });
    assertThat(client.get("/api/v1/alerts?severity=urgent").statusCode()).isEqualTo(400);
  }

  @Test
  void metrics_countAlertsByStateAndSeverity() {
    assertThat(client.sample("meshwatch_alerts", "state=\"firing\"", "severity=\"page\"")).contains(2.0);
    assertThat(client.sample("meshwatch_alerts", "state=\"firing\"", "severity=\"ticket\"")).contains(4.0);
  }

  @Test
  void acknowledge_takesTheDomainsTokenOrAdmin_andShowsOnTheAlert() {
    String sales = fingerprint("sales.orders");
    String finance = fingerprint("finance.ledger");

    assertThat(ack(sales, "{\"by\": \"jane\"}", null).statusCode()).isEqualTo(401);
    assertThat(ack(finance, "{\"by\": \"jane\"}", AlertingFixture.SALES_TOKEN)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("sales").contains("finance");
    });
    assertThat(ack(sales, "{}", AlertingFixture.SALES_TOKEN).body()).contains("say who acknowledges");
    assertThat(ack(sales, "{\"by\": ", AlertingFixture.SALES_TOKEN).statusCode()).isEqualTo(400);
    assertThat(ack("0000000000000000", "{\"by\": \"jane\"}", AlertingFixture.ADMIN).statusCode()).isEqualTo(404);

    HttpResponse<String> acked = ack(sales, "{\"by\": \"jane\", \"comment\": \"on it\"}", AlertingFixture.SALES_TOKEN);
    assertThat(acked.statusCode()).isEqualTo(200);
    JsonNode alert = alert(sales);
    assertThat(alert.path("acknowledgement").path("by").asText()).isEqualTo("jane");
    assertThat(alert.path("acknowledgement").path("comment").asText()).isEqualTo("on it");
    assertThat(ack(finance, "{\"by\": \"sam\"}", AlertingFixture.ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  void silences_domainTokenMustPinItsDomain_silencedAlertsAreSuppressed_andDeleteExpires() {
    String pinned = "{\"matchers\": [\"domain=\\\"sales\\\"\", \"slo=\\\"runs\\\"\"], \"createdBy\": \"jane\", "
        + "\"comment\": \"maintenance\", \"duration\": \"2h\"}";
    HttpResponse<String> created = post("/api/v1/silences", pinned, AlertingFixture.SALES_TOKEN);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode silence = CollectorClient.parse(created.body());
    assertThat(silence.path("state").asText()).isEqualTo("active");
    assertThat(silence.path("endsAt").asText()).isEqualTo(T0.plus(Duration.ofHours(2)).toString());
    assertThat(client.json("/api/v1/alerts?product=sales.orders").path("alerts")).allSatisfy(a -> {
      assertThat(a.path("state").asText()).isEqualTo("suppressed");
      assertThat(a.path("silencedBy")).extracting(JsonNode::asText).containsExactly(silence.path("id").asText());
    });
    assertThat(client.json("/api/v1/alerts?product=finance.ledger&state=firing").path("count").asInt()).isEqualTo(3);

    String acrossDomains = "{\"matchers\": [\"slo=\\\"runs\\\"\"], \"createdBy\": \"jane\", \"duration\": \"1h\"}";
    assertThat(post("/api/v1/silences", acrossDomains, AlertingFixture.SALES_TOKEN)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("must include the matcher domain=\\\"sales\\\"");
    });
    HttpResponse<String> admins = post("/api/v1/silences", acrossDomains, AlertingFixture.ADMIN);
    assertThat(admins.statusCode()).isEqualTo(201);
    String adminsId = CollectorClient.parse(admins.body()).path("id").asText();
    assertThat(delete("/api/v1/silences/" + adminsId, AlertingFixture.SALES_TOKEN).statusCode()).isEqualTo(403);

    HttpResponse<String> expired = delete("/api/v1/silences/" + silence.path("id").asText(), AlertingFixture.SALES_TOKEN);
    assertThat(expired.statusCode()).isEqualTo(200);
    assertThat(CollectorClient.parse(expired.body()).path("state").asText()).isEqualTo("expired");
    assertThat(client.json("/api/v1/silences?state=active").path("count").asInt()).isEqualTo(1);
    assertThat(client.get("/api/v1/silences/no-such-id").statusCode()).isEqualTo(404);
  }

  @Test
  void silences_badInputIsRefusedWithEveryProblem() {
    HttpResponse<String> bad = post("/api/v1/silences",
        "{\"matchers\": [\"product=~\\\"(\\\"\", 5], \"endsAt\": \"tomorrow\", \"duration\": \"1h\"}", AlertingFixture.ADMIN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("matchers[0]").contains("matchers[1]").contains("either endsAt").contains("createdBy");
    assertThat(post("/api/v1/silences", "[1, 2]", AlertingFixture.ADMIN).body()).contains("must be a JSON object");
    assertThat(post("/api/v1/silences", "{\"matchers\": [\"product=\\\"\\\"\"], \"createdBy\": \"x\", \"duration\": \"1h\"}",
        AlertingFixture.ADMIN).body()).contains("does not match the empty string");
  }

  @Test
  void silences_durationPastItsBoundIsRefusedNamingIt_onlyOnceTheTokenIsChecked() {
    String huge = "{\"matchers\": [\"product=\\\"sales.orders\\\"\"], \"createdBy\": \"jane\", \"duration\": \"106751991167300d\"}";

    assertThat(post("/api/v1/silences", huge, null).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/silences", huge, "not-a-token").statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/silences", huge, AlertingFixture.ADMIN)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("duration: must be a duration from 1ms to 366d, got 106751991167300d");
    });
    String farEnd = "{\"matchers\": [\"product=\\\"sales.orders\\\"\"], \"createdBy\": \"jane\", \"endsAt\": \""
        + T0.plus(Duration.ofDays(367)) + "\"}";
    assertThat(post("/api/v1/silences", farEnd, AlertingFixture.ADMIN)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("endsAt: must be at most 366d after the silence's start");
    });
    String longest = "{\"matchers\": [\"product=\\\"sales.orders\\\"\"], \"createdBy\": \"jane\", \"duration\": \"366d\"}";
    assertThat(post("/api/v1/silences", longest, AlertingFixture.ADMIN).statusCode()).isEqualTo(201);
    assertThat(client.sample("meshwatch_ingest_rejected_total", "reason=\"invalid_value\"")).contains(2.0);
    collector.evaluateNow();
    assertThat(client.get("/api/v1/silences").statusCode()).isEqualTo(200);
    assertThat(client.get("/api/v1/alerts").statusCode()).isEqualTo(200);
  }

  @Test
  void silences_andAcknowledgementsPastTheirLengthsAreRefusedNamingTheField() {
    String matchers = "[" + String.join(",", java.util.Collections.nCopies(65, "\"slo=\\\"runs\\\"\"")) + "]";
    HttpResponse<String> many = post("/api/v1/silences", "{\"matchers\": " + matchers
        + ", \"createdBy\": \"" + "j".repeat(257) + "\", \"comment\": \"" + "c".repeat(4097) + "\", \"duration\": \"1h\"}",
        AlertingFixture.ADMIN);
    assertThat(many.statusCode()).isEqualTo(400);
    assertThat(many.body()).contains("matchers: must be at most 64 items, got 65 items",
        "createdBy: must be text of 1 to 256 characters, got 257 characters",
        "comment: must be text of at most 4096 characters, got 4097 characters");
    HttpResponse<String> longMatcher = post("/api/v1/silences", "{\"matchers\": [\"slo=~\\\"" + "a".repeat(1025)
        + "\\\"\"], \"createdBy\": \"jane\", \"duration\": \"1h\"}", AlertingFixture.ADMIN);
    assertThat(longMatcher.body()).contains("matchers[0]: must be text of 1 to 1024 characters");

    String sales = fingerprint("sales.orders");
    HttpResponse<String> longComment = ack(sales, "{\"by\": \"jane\", \"comment\": \"" + "c".repeat(4097) + "\"}",
        AlertingFixture.SALES_TOKEN);
    assertThat(longComment.statusCode()).isEqualTo(400);
    assertThat(longComment.body()).contains("comment: must be text of at most 4096 characters, got 4097 characters");
    assertThat(ack(sales, "{\"by\": \"jane\", \"comment\": \"" + "c".repeat(4096) + "\"}", AlertingFixture.SALES_TOKEN)
        .statusCode()).isEqualTo(200);
    assertThat(client.get("/api/v1/alerts?product=" + "p".repeat(128))).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("product: must be text of 1 to 127 characters, got 128 characters");
    });
  }

  private String fingerprint(String product) {
    return client.json("/api/v1/alerts?severity=page&product=" + product).path("alerts").get(0).path("fingerprint").asText();
  }

  private JsonNode alert(String fingerprint) {
    for (JsonNode alert : client.json("/api/v1/alerts").path("alerts")) {
      if (alert.path("fingerprint").asText().equals(fingerprint)) {
        return alert;
      }
    }
    throw new AssertionError("no alert " + fingerprint);
  }

  private HttpResponse<String> ack(String fingerprint, String body, String token) {
    return post("/api/v1/alerts/" + fingerprint + "/ack", body, token);
  }

  private HttpResponse<String> post(String path, String body, String token) {
    return client.post(path, "application/json", body.getBytes(StandardCharsets.UTF_8), Optional.ofNullable(token));
  }

  private HttpResponse<String> delete(String path, String token) {
    return client.delete(path, Optional.ofNullable(token));
  }
}
