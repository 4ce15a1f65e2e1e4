package io.meshwatch.collector;

import static io.meshwatch.collector.IsolationTestCollectorMain.LEDGER;
import static io.meshwatch.collector.IsolationTestCollectorMain.ORDERS;
import static io.meshwatch.collector.IsolationTestCollectorMain.STOCK;
import static io.meshwatch.collector.IsolationTestCollectorMain.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.model.ProductId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One product's data never stops another's (issue 12, "Why" 1): a freshness event whose data time is
 * a billion years old, sent with one product's own ingest token, is refused or taken harmlessly —
 * every other product evaluates and alerts, the lists answer, and the collector starts again on its
 * data dir after a {@code kill -9} and after a clean stop. The first collector runs in a JVM of its own,
 * so that it can be killed; the restarts run in the test's.
 */
class CollectorIsolationTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final String FAR_PAST = "-999999999-01-01T00:00:00Z";
  private static final int LEDGER_CHECKS = 20;

  private final List<Process> children = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void stopChildren() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void oddDataTimeOfOneProduct_othersEvaluateAndAlert_listsAnswer_andRestartsWork() throws Exception {
    ChildCollector collector = ChildCollector.start(children, IsolationTestCollectorMain.class, dir.toString(), T0.toString());
    CollectorClient client = new CollectorClient(collector.uri());
    for (ProductId odd : List.of(ORDERS, STOCK)) {
      int status = events(client, odd, "[{\"type\":\"freshness\",\"dataTime\":\"" + FAR_PAST + "\"},"
          + "{\"type\":\"quality\",\"check\":\"not_null\",\"passed\":true}]").statusCode();
      assertThat(status).as("an odd data time is refused or accepted, never a failure").isIn(202, 400);
    }
    StringBuilder failing = new StringBuilder("[");
    for (int i = 0; i < LEDGER_CHECKS; i++) {
      failing.append(i == 0 ? "" : ",").append("{\"type\":\"quality\",\"check\":\"balanced\",\"passed\":").append(i % 2 == 0).append('}');
    }
    assertThat(events(client, LEDGER, failing.append(']').toString()).statusCode()).isEqualTo(202);

    collector.command("at " + T0.plusSeconds(60));
    collector.command("evaluate");
    assertEveryoneAnswers(client);
    assertThat(client.json("/api/v1/alerts").path("alerts")).anySatisfy(alert -> {
      assertThat(alert.path("product").asText()).isEqualTo(LEDGER.toString());
      assertThat(alert.path("state").asText()).isEqualTo("firing");
    });

    collector.process().destroyForcibly(); // SIGKILL
    assertThat(collector.process().waitFor()).isEqualTo(137);
    // Restarted here, in this JVM: it replays the journal the killed one left behind.
    TestClock clock = new TestClock(T0.plusSeconds(120));
    try (MeshwatchCollector afterKill = MeshwatchCollector.start(IsolationTestCollectorMain.config(dir), clock,
        IsolationTestCollectorMain.products())) {
      afterKill.evaluateNow();
      assertEveryoneAnswers(new CollectorClient(afterKill.uri()));
    } // a clean stop: it snapshots
    clock.set(T0.plusSeconds(180));
    try (MeshwatchCollector afterStop = MeshwatchCollector.start(IsolationTestCollectorMain.config(dir), clock,
        IsolationTestCollectorMain.products())) {
      afterStop.evaluateNow();
      assertEveryoneAnswers(new CollectorClient(afterStop.uri()));
    }
  }

  /** The ledger's breach is measured whole, every list and product answers 200, and no SLO is in error. */
  private static void assertEveryoneAnswers(CollectorClient client) {
    JsonNode ledger = client.slo(LEDGER.toString(), "checks");
    assertThat(ledger.path("events").path("total").asInt()).as(ledger.toString()).isEqualTo(LEDGER_CHECKS);
    assertThat(ledger.path("state").asText()).isEqualTo("breaching");
    JsonNode products = client.json("/api/v1/products");
    assertThat(products.path("count").asInt()).isEqualTo(3);
    for (JsonNode product : products.path("products")) {
      assertThat(product.path("status").path("error").isNull()).as(product.toString()).isTrue();
    }
    for (ProductId id : List.of(ORDERS, STOCK, LEDGER)) {
      assertThat(client.json("/api/v1/products/" + id).path("status").path("slos")).isNotEmpty();
    }
    JsonNode slos = client.json("/api/v1/slos");
    assertThat(slos.path("slos")).noneSatisfy(slo -> assertThat(slo.path("state").asText()).isEqualTo("error"));
    assertThat(client.get("/metrics").statusCode()).isEqualTo(200);
    assertThat(client.sample("meshwatch_slo_breaching", "product=\"finance.ledger\"")).contains(1.0);
    assertThat(client.sample("meshwatch_product_evaluation_failures_total", "product=\"sales.orders\"")).contains(0.0);
  }

  private static HttpResponse<String> events(CollectorClient client, ProductId product, String body) throws IOException {
    return client.post("/api/v1/products/" + product + "/events", "application/json",
        body.getBytes(StandardCharsets.UTF_8), Optional.of(TOKENS.get(product)));
  }
}
