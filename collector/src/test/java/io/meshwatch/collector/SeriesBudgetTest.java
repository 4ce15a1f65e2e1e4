package io.meshwatch.collector;

import static io.meshwatch.collector.CollectorFixture.A;
import static io.meshwatch.collector.CollectorFixture.B;
import static io.meshwatch.collector.CollectorFixture.TOKEN_A;
import static io.meshwatch.collector.CollectorFixture.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One product cannot use up the cumulative series other products need (issue 12, "Why" 2): product
 * A sends more new series than the whole collector used to keep (100 000, in 21 exports over real
 * HTTP); over its own budget its new series are refused with a message naming product and budget,
 * while product B's first export is accepted whole and its SLO gets the data.
 */
class SeriesBudgetTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final int SERIES_PER_EXPORT = 5_000;
  private static final int EXPORTS = 21;

  private final TestClock clock = new TestClock(T0);
  private CollectorFixture fixture;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    fixture = new CollectorFixture(dataDir, 8 << 20, clock);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void oneProductFloodingNewSeries_anotherProductsFirstExportIsAcceptedAndCounted() {
    String lastRefusal = "";
    for (int export = 0; export < EXPORTS; export++) {
      HttpResponse<byte[]> answer = post(A, TOKEN_A, export);
      // Over its own budget, A's exports of nothing but new series are refused 429, to come back later.
      assertThat(answer.statusCode()).as("export " + export).isIn(200, 429);
      lastRefusal = new String(answer.body(), StandardCharsets.UTF_8);
    }

    HttpResponse<byte[]> first = fixture.client.postBytes("/v1/metrics", "application/x-protobuf",
        request(B, 0, 1, 5).toByteArray(), Optional.of(TOKEN_B));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(parse(first.body()).hasPartialSuccess()).as("nothing of B's export refused").isFalse();
    fixture.collector.evaluateNow();
    assertThat(fixture.client.slo(B.toString(), "checks").path("events").path("total").asInt()).isEqualTo(5);
    assertThat(lastRefusal).contains("product auth.a holds 10000 cumulative series, its budget (limits.seriesPerProduct 10000)");
    assertThat(fixture.client.sample("meshwatch_ingest_rejected_total", "reason=\"too_many_series\""))
        .hasValueSatisfying(rejected -> assertThat(rejected).isGreaterThan(90_000));
  }

  private HttpResponse<byte[]> post(ProductId product, String token, int export) {
    return fixture.client.postBytes("/v1/metrics", "application/x-protobuf",
        request(product, export * SERIES_PER_EXPORT, SERIES_PER_EXPORT, 1).toByteArray(), Optional.of(token));
  }

  /** {@code count} new cumulative series of quality checks, {@code checks}, {@code checks + 1}, ... */
  private ExportMetricsServiceRequest request(ProductId product, int firstCheck, int count, long value) {
    long now = T0.getEpochSecond() * 1_000_000_000L;
    Sum.Builder sum = Sum.newBuilder().setIsMonotonic(true)
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    for (int i = 0; i < count; i++) {
      sum.addDataPoints(NumberDataPoint.newBuilder()
          .addAttributes(attr(SignalContract.ATTR_CHECK, count == 1 ? "not_null" : "check-" + (firstCheck + i)))
          .addAttributes(attr(SignalContract.ATTR_OUTCOME, SignalContract.OUTCOME_PASS))
          .setStartTimeUnixNano(now - 600_000_000_000L)
          .setTimeUnixNano(now - 1_000_000_000L)
          .setAsInt(value));
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

  private static ExportMetricsServiceResponse parse(byte[] body) {
    try {
      return ExportMetricsServiceResponse.parseFrom(body);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError("not an OTLP export response", e);
    }
  }
}
