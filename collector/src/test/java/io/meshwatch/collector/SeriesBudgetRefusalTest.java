package io.meshwatch.collector;

import static io.meshwatch.collector.CollectorFixture.A;
import static io.meshwatch.collector.CollectorFixture.ADMIN;
import static io.meshwatch.collector.CollectorFixture.B;
import static io.meshwatch.collector.CollectorFixture.TOKEN_A;
import static io.meshwatch.collector.CollectorFixture.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.LimitsConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one refusal rule holds for series budgets too: an export refused only for new series over its
 * product's own budget is 429, one refused because the collector as a whole is full is 503, both with
 * Retry-After. They used to be 400 too_many_series, which OpenTelemetry SDKs drop without retrying:
 * for the collector-wide cap, the data of a product within its own budget.
 */
class SeriesBudgetRefusalTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private MeshwatchCollector collector;
  private CollectorClient client;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    CollectorConfig config = new CollectorConfig("127.0.0.1", 0, dataDir, null, 8 << 20,
        new CollectorConfig.Evaluation(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(1)),
        CollectorConfig.Storage.DEFAULTS, new Tokens(Set.of(ADMIN), Map.of(TOKEN_A, A, TOKEN_B, B)))
        // 20 series per product (2 always allowed), 30 in all.
        .withLimits(new LimitsConfig(20, 30, 30, 100));
    collector = MeshwatchCollector.start(config, new TestClock(T0));
    collector.catalog().register(CollectorFixture.product(A));
    collector.catalog().register(CollectorFixture.product(B));
    client = new CollectorClient(collector.uri());
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  @Test
  void export_aProductOverItsOwnSeriesBudget_is429WithRetryAfter() {
    assertThat(post(A, TOKEN_A, 0, 20).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> over = post(A, TOKEN_A, 20, 1);

    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void export_aProductWithinItsBudgetRefusedBecauseTheCollectorIsFull_is503WithRetryAfter() {
    assertThat(post(A, TOKEN_A, 0, 20).statusCode()).isEqualTo(200);
    assertThat(post(B, TOKEN_B, 0, 10).statusCode()).isEqualTo(200);

    // B holds 10 of its 20: only the collector-wide cap (30, now reached) refuses it.
    HttpResponse<byte[]> full = post(B, TOKEN_B, 10, 1);

    assertThat(full.statusCode()).isEqualTo(503);
    assertThat(full.headers().firstValue("Retry-After")).isPresent();
  }

  private HttpResponse<byte[]> post(ProductId product, String token, int firstCheck, int count) {
    return client.postBytes("/v1/metrics", "application/x-protobuf",
        request(product, firstCheck, count).toByteArray(), Optional.of(token));
  }

  private static ExportMetricsServiceRequest request(ProductId product, int firstCheck, int count) {
    long now = T0.getEpochSecond() * 1_000_000_000L;
    Sum.Builder sum = Sum.newBuilder().setIsMonotonic(true)
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    for (int i = 0; i < count; i++) {
      sum.addDataPoints(NumberDataPoint.newBuilder()
          .addAttributes(attr(SignalContract.ATTR_CHECK, "check-" + (firstCheck + i)))
          .addAttributes(attr(SignalContract.ATTR_OUTCOME, SignalContract.OUTCOME_PASS))
          .setStartTimeUnixNano(now - 600_000_000_000L)
          .setTimeUnixNano(now - 1_000_000_000L)
          .setAsInt(1));
    }
    Metric checks = Metric.newBuilder().setName(SignalContract.QUALITY_CHECKS).setUnit(SignalContract.UNIT_CHECKS)
        .setSum(sum).build();
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(attr(SignalContract.RESOURCE_PRODUCT, product.toString()))
            .addAttributes(attr(SignalContract.RESOURCE_SERVICE_NAME, product.name() + "-pipeline")))
        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(checks))).build();
  }

  private static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }
}
