package io.meshwatch.collector;

import static io.meshwatch.collector.CollectorFixture.A;
import static io.meshwatch.collector.CollectorFixture.ADMIN;
import static io.meshwatch.collector.CollectorFixture.B;
import static io.meshwatch.collector.CollectorFixture.TOKEN_A;
import static io.meshwatch.collector.CollectorFixture.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every token against every write endpoint for product A: 401/403 where due, and then nothing written. */
class AuthMatrixTest {

  private static final String NEW_PRODUCT = """
      {"id": "auth.c", "owner": "team-c", "version": "1.0.0",
       "slos": [{"name": "checks", "sli": "quality", "objective": 99, "window": "28d"}]}
      """;

  private CollectorFixture fixture;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    fixture = new CollectorFixture(dataDir, 1 << 20, InstantSource.system());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private enum Endpoint {
    OTLP, EVENTS, REGISTER
  }

  private record Case(Endpoint endpoint, Optional<String> token, int expected) {}

  @Test
  void refusedRequests_getTheirStatusAndWriteNothing() {
    List<Case> refused = new ArrayList<>();
    for (Endpoint endpoint : Endpoint.values()) {
      refused.add(new Case(endpoint, Optional.empty(), 401));
      refused.add(new Case(endpoint, Optional.of("not-a-known-token"), 401));
    }
    refused.add(new Case(Endpoint.OTLP, Optional.of(TOKEN_B), 403));
    refused.add(new Case(Endpoint.EVENTS, Optional.of(TOKEN_B), 403));
    refused.add(new Case(Endpoint.REGISTER, Optional.of(TOKEN_A), 403));
    refused.add(new Case(Endpoint.REGISTER, Optional.of(TOKEN_B), 403));

    for (Case c : refused) {
      HttpResponse<String> response = send(c);
      assertThat(response.statusCode()).as("%s", c).isEqualTo(c.expected());
      assertThat(response.body()).as("%s", c).isNotBlank();
    }

    assertThat(fixture.written(A)).isFalse();
    assertThat(fixture.written(B)).isFalse();
    assertThat(fixture.collector.catalog().contains(io.meshwatch.model.ProductId.parse("auth.c"))).isFalse();
    assertThat(fixture.client.sample("meshwatch_ingest_rejected_total", "reason=\"unauthenticated\"")).contains(4.0);
    assertThat(fixture.client.sample("meshwatch_ingest_rejected_total", "reason=\"forbidden\"")).contains(2.0);
  }

  @Test
  void refusals_sayWhatIsWrongInJson() {
    assertThat(send(new Case(Endpoint.EVENTS, Optional.empty(), 401)).body()).contains("missing Authorization header");
    assertThat(send(new Case(Endpoint.EVENTS, Optional.of(TOKEN_B), 403)).body())
        .contains("may only write product auth.b, not auth.a");
    assertThat(send(new Case(Endpoint.REGISTER, Optional.of(TOKEN_A), 403)).body()).contains("admin token");
  }

  @Test
  void allowedRequests_write() {
    assertThat(send(new Case(Endpoint.EVENTS, Optional.of(TOKEN_A), 202)).statusCode()).isEqualTo(202);
    assertThat(send(new Case(Endpoint.OTLP, Optional.of(TOKEN_A), 200)).statusCode()).isEqualTo(200);
    assertThat(send(new Case(Endpoint.REGISTER, Optional.of(ADMIN), 201)).statusCode()).isEqualTo(201);
    assertThat(send(new Case(Endpoint.EVENTS, Optional.of(ADMIN), 202)).statusCode()).isEqualTo(202);

    assertThat(fixture.written(A)).isTrue();
    assertThat(fixture.written(B)).isFalse();
    assertThat(fixture.collector.catalog().contains(io.meshwatch.model.ProductId.parse("auth.c"))).isTrue();
  }

  @Test
  void refusedCumulativeExport_leavesNoStateBehind() {
    long now = System.currentTimeMillis() * 1_000_000L;
    byte[] cumulative = """
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"meshwatch.product","value":{"stringValue":"auth.a"}}]},
          "scopeMetrics":[{"metrics":[{"name":"meshwatch.volume.rows","histogram":{"aggregationTemporality":2,
            "dataPoints":[{"startTimeUnixNano":"%d","timeUnixNano":"%d","count":"4","sum":400}]}}]}]}]}
        """.formatted(now - 60_000_000_000L, now).getBytes(StandardCharsets.UTF_8);

    assertThat(fixture.client.post("/v1/metrics", "application/json", cumulative, Optional.of(TOKEN_B)).statusCode())
        .isEqualTo(403);
    assertThat(fixture.client.post("/v1/metrics", "application/json", cumulative, Optional.of(TOKEN_A)).statusCode())
        .isEqualTo(200);

    fixture.collector.evaluateNow();
    assertThat(fixture.client.slo(A.toString(), "volume").path("compliance").asDouble()).isEqualTo(1.0);
  }

  private HttpResponse<String> send(Case c) {
    return switch (c.endpoint()) {
      case OTLP -> fixture.client.post("/v1/metrics", "application/json", otlpFor(A), c.token());
      case EVENTS -> fixture.client.post("/api/v1/products/" + A + "/events", "application/json",
          "{\"type\":\"volume\",\"rows\":100}".getBytes(StandardCharsets.UTF_8), c.token());
      case REGISTER -> fixture.client.post("/api/v1/products", "application/json",
          NEW_PRODUCT.getBytes(StandardCharsets.UTF_8), c.token());
    };
  }

  static byte[] otlpFor(io.meshwatch.model.ProductId product) {
    long now = System.currentTimeMillis() * 1_000_000L;
    return """
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"meshwatch.product","value":{"stringValue":"%s"}}]},
          "scopeMetrics":[{"metrics":[{"name":"meshwatch.volume.rows","histogram":{"aggregationTemporality":1,
            "dataPoints":[{"startTimeUnixNano":"%d","timeUnixNano":"%d","count":"1","sum":120}]}}]}]}]}
        """.formatted(product, now - 1_000_000_000L, now).getBytes(StandardCharsets.UTF_8);
  }
}
