package io.meshwatch.collector.http;

import static io.meshwatch.collector.http.EdgeCollector.A;
import static io.meshwatch.collector.http.EdgeCollector.ADMIN;
import static io.meshwatch.collector.http.EdgeCollector.B;
import static io.meshwatch.collector.http.EdgeCollector.TOKEN_A;
import static io.meshwatch.collector.http.EdgeCollector.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.CodedInputStream;
import io.meshwatch.collector.TestClock;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.RateLimits;
import io.meshwatch.collector.config.ServerConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one rule for refusals against a real collector whose clock the test moves: a product or token
 * over its own rate budget is answered 429 with Retry-After (OTLP as its specification's throttling
 * section says), and only it: another product's exports are taken meanwhile.
 */
class RefusalsTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final String HEARTBEAT = "{\"type\":\"heartbeat\"}";

  private final TestClock clock = new TestClock(T0);
  private EdgeCollector edge;

  @TempDir Path dir;

  /** Per token 1 request per second with bursts of {@code tokenBurst}, per product 0.25 with bursts of 3. */
  private void start(int tokenBurst) {
    CollectorConfig config = CollectorConfig.defaults().withPort(0).withDataDir(dir).withServer(ServerConfig.DEFAULTS)
        .withTokens(new Tokens(Set.of(ADMIN), Map.of(TOKEN_A, A, TOKEN_B, B)))
        .withRateLimits(new RateLimits(new RateLimits.Budget(1, tokenBurst), new RateLimits.Budget(0.25, 3)));
    edge = new EdgeCollector(config, 1 << 20, clock);
  }

  @AfterEach
  void stop() {
    if (edge != null) {
      edge.close();
    }
  }

  @Test
  void productOverItsBudget_is429WithRetryAfter_whileAnotherProductsExportsAreTaken() {
    start(100);
    for (int i = 0; i < 3; i++) {
      assertThat(events(A, TOKEN_A).status()).isEqualTo(202);
    }

    RawConnection.Response refused = events(A, TOKEN_A);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).contains("4");
    assertThat(refused.body()).contains("product edge.a is over its budget of 0.25 requests per second with bursts of 3"
        + " (rateLimits.perProduct)").contains("\"retryAfterSeconds\" : 4");
    for (int i = 0; i < 3; i++) {
      assertThat(events(B, TOKEN_B).status()).as("product B's export %d", i).isEqualTo(202);
    }
    assertThat(edge.sample("meshwatch_ingest_rejected_total", "reason=\"rate_limited\"")).contains(1.0);

    clock.advance(Duration.ofSeconds(4));
    assertThat(events(A, TOKEN_A).status()).isEqualTo(202);
  }

  @Test
  void otlpExportOverItsProductsBudget_is429WithAGoogleRpcStatusAndRetryAfter() throws IOException {
    start(100);
    for (int i = 0; i < 3; i++) {
      assertThat(otlp(A, TOKEN_A).status()).isEqualTo(200);
    }

    RawConnection.Response refused = otlp(A, TOKEN_A);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).contains("4");
    assertThat(refused.header("Content-Type")).contains("application/x-protobuf");
    CodedInputStream status = CodedInputStream.newInstance(refused.body().getBytes(StandardCharsets.ISO_8859_1));
    assertThat(status.readTag()).isEqualTo(1 << 3);
    assertThat(status.readInt32()).as("RESOURCE_EXHAUSTED").isEqualTo(8);
    assertThat(status.readTag()).isEqualTo(2 << 3 | 2);
    assertThat(status.readString()).contains("product edge.a is over its budget");
    assertThat(otlp(B, TOKEN_B).status()).isEqualTo(200);
  }

  @Test
  void tokenOverItsBudget_is429BeforeItsBodyIsRead_andTakesNothingFromTheProducts() {
    start(2);
    assertThat(events(A, ADMIN).status()).isEqualTo(202);
    assertThat(events(B, ADMIN).status()).isEqualTo(202);

    RawConnection.Response refused = events(A, ADMIN);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).contains("1");
    assertThat(refused.header("Connection")).contains("close");
    assertThat(refused.body()).contains("this token is over its budget of 1 requests per second with bursts of 2"
        + " (rateLimits.perToken)");
    // A's budget of 3 holds two more: the refused request took nothing from it.
    assertThat(events(A, TOKEN_A).status()).as("another token").isEqualTo(202);
    assertThat(events(A, TOKEN_A).status()).isEqualTo(202);
    assertThat(events(A, TOKEN_A).status()).isEqualTo(429);
  }

  private RawConnection.Response events(ProductId product, String token) {
    return exchange(EdgeCollector.eventsRequest(product, token, HEARTBEAT).getBytes(StandardCharsets.ISO_8859_1));
  }

  private RawConnection.Response otlp(ProductId product, String token) {
    long nanos = (T0.getEpochSecond() - 1) * 1_000_000_000L;
    byte[] body = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey(SignalContract.RESOURCE_PRODUCT)
            .setValue(AnyValue.newBuilder().setStringValue(product.toString()))))
        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder().setName(SignalContract.AGENT_HEARTBEAT)
            .setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(nanos).setAsInt(1))))))
        .build().toByteArray();
    byte[] head = ("POST /v1/metrics HTTP/1.1\r\nHost: edge\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/x-protobuf\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return exchange(request);
  }

  private RawConnection.Response exchange(byte[] request) {
    try (RawConnection connection = new RawConnection(edge.uri())) {
      connection.send(request);
      await().atMost(WAIT).until(() -> connection.response().isPresent());
      return connection.response().get();
    }
  }
}
