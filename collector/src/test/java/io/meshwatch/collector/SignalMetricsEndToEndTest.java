package io.meshwatch.collector;

import static io.meshwatch.collector.CollectorFixture.ADMIN;
import static io.meshwatch.collector.CollectorFixture.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.SignalContract;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
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
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What products report shows on {@code /metrics} as the collector accepted it, over both transports:
 * quality checks, reads, runs, run durations and rows per run. Real HTTP against a real collector.
 */
class SignalMetricsEndToEndTest {

  private CollectorFixture fixture;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    fixture = new CollectorFixture(dataDir, 1 << 20, InstantSource.system());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void jsonEvents_publishChecksReadsRunsAndRowsPerRun() {
    postEvents("""
        [{"type":"quality","check":"ids","passed":true},
         {"type":"quality","check":"ids","passed":false,"rowsChecked":10,"rowsFailed":3},
         {"type":"quality","check":"emails","passed":true},
         {"type":"usage","consumer":"finance.reporting","success":true,"latencyMs":120},
         {"type":"usage","consumer":"finance.reporting","success":false},
         {"type":"usage","consumer":"marketing.attribution","success":true},
         {"type":"run","status":"succeeded","durationSeconds":42.5},
         {"type":"run","status":"failed","durationSeconds":7.5},
         {"type":"volume","rows":100}]
        """);
    postEvents("""
        [{"type":"volume","rows":250},{"type":"run","status":"succeeded","durationSeconds":10}]
        """);

    assertThat(scrape()).contains(
        "meshwatch_quality_checks_total{check=\"ids\",domain=\"auth\",outcome=\"passed\",product=\"auth.a\"} 1.0",
        "meshwatch_quality_checks_total{check=\"ids\",domain=\"auth\",outcome=\"failed\",product=\"auth.a\"} 1.0",
        "meshwatch_quality_checks_total{check=\"emails\",domain=\"auth\",outcome=\"passed\",product=\"auth.a\"} 1.0",
        "meshwatch_quality_checks_total{check=\"emails\",domain=\"auth\",outcome=\"failed\",product=\"auth.a\"} 0.0",
        "meshwatch_usage_reads_total{consumer=\"finance.reporting\",domain=\"auth\",outcome=\"succeeded\",product=\"auth.a\"} 1.0",
        "meshwatch_usage_reads_total{consumer=\"finance.reporting\",domain=\"auth\",outcome=\"failed\",product=\"auth.a\"} 1.0",
        "meshwatch_usage_reads_total{consumer=\"marketing.attribution\",domain=\"auth\",outcome=\"succeeded\",product=\"auth.a\"} 1.0",
        "meshwatch_usage_reads_total{consumer=\"marketing.attribution\",domain=\"auth\",outcome=\"failed\",product=\"auth.a\"} 0.0",
        "meshwatch_runs_total{domain=\"auth\",product=\"auth.a\",status=\"succeeded\"} 2.0",
        "meshwatch_runs_total{domain=\"auth\",product=\"auth.a\",status=\"failed\"} 1.0",
        "meshwatch_run_duration_seconds_total{domain=\"auth\",product=\"auth.a\"} 60.0",
        "meshwatch_volume_rows{domain=\"auth\",product=\"auth.a\"} 250.0");
    assertThat(signalLines()).noneMatch(line -> line.contains("product=\"auth.b\""));
  }

  @Test
  void rejectedEvents_areNotCounted() {
    postEvents("[{\"type\":\"run\",\"status\":\"succeeded\",\"durationSeconds\":5}]");

    HttpResponse<String> rejected = fixture.client.post("/api/v1/products/auth.a/events", "application/json", """
        [{"type":"quality","check":"ids","passed":true},{"type":"run","status":"failed"},{"type":"volume","rows":-5}]
        """.getBytes(StandardCharsets.UTF_8), Optional.of(TOKEN_A));

    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(signalLines()).containsExactlyInAnyOrder(
        "meshwatch_runs_total{domain=\"auth\",product=\"auth.a\",status=\"succeeded\"} 1.0",
        "meshwatch_runs_total{domain=\"auth\",product=\"auth.a\",status=\"failed\"} 0.0",
        "meshwatch_run_duration_seconds_total{domain=\"auth\",product=\"auth.a\"} 5.0");
  }

  @Test
  void otlp_publishesWhatWasAcceptedAndNotThePointsOfAnUnknownProduct() {
    long now = nanos(Instant.now());
    long start = now - 60_000_000_000L;
    ExportMetricsServiceRequest request = ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(resource("auth.b",
            sum(SignalContract.QUALITY_CHECKS,
                count(start, now, 3, attr(SignalContract.ATTR_CHECK, "valid_amount"), attr(SignalContract.ATTR_OUTCOME, SignalContract.OUTCOME_PASS)),
                count(start, now, 1, attr(SignalContract.ATTR_CHECK, "valid_amount"), attr(SignalContract.ATTR_OUTCOME, SignalContract.OUTCOME_FAIL))),
            sum(SignalContract.USAGE_READS,
                count(start, now, 5, attr(SignalContract.ATTR_CONSUMER, "ops.audit"), attr(SignalContract.ATTR_OUTCOME, SignalContract.OUTCOME_SUCCESS)),
                count(start, now, 2, attr(SignalContract.ATTR_CONSUMER, "ops.audit"), attr(SignalContract.ATTR_OUTCOME, SignalContract.OUTCOME_FAILURE))),
            sum(SignalContract.RUNS,
                count(start, now, 4, attr(SignalContract.ATTR_RUN_STATUS, SignalContract.RUN_SUCCEEDED)),
                count(start, now, 1, attr(SignalContract.ATTR_RUN_STATUS, SignalContract.RUN_FAILED))),
            histogram(SignalContract.RUN_DURATION, histogramPoint(start, now, 5, 100.0)),
            histogram(SignalContract.VOLUME_ROWS, histogramPoint(start, now, 2, 300.0))))
        .addResourceMetrics(resource("auth.zzz",
            sum(SignalContract.RUNS, count(start, now, 9, attr(SignalContract.ATTR_RUN_STATUS, SignalContract.RUN_SUCCEEDED)))))
        .build();

    HttpResponse<byte[]> response = fixture.client.postBytes("/v1/metrics", "application/x-protobuf",
        request.toByteArray(), Optional.of(ADMIN));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(signalLines()).containsExactlyInAnyOrder(
        "meshwatch_quality_checks_total{check=\"valid_amount\",domain=\"auth\",outcome=\"passed\",product=\"auth.b\"} 3.0",
        "meshwatch_quality_checks_total{check=\"valid_amount\",domain=\"auth\",outcome=\"failed\",product=\"auth.b\"} 1.0",
        "meshwatch_usage_reads_total{consumer=\"ops.audit\",domain=\"auth\",outcome=\"succeeded\",product=\"auth.b\"} 5.0",
        "meshwatch_usage_reads_total{consumer=\"ops.audit\",domain=\"auth\",outcome=\"failed\",product=\"auth.b\"} 2.0",
        "meshwatch_runs_total{domain=\"auth\",product=\"auth.b\",status=\"succeeded\"} 4.0",
        "meshwatch_runs_total{domain=\"auth\",product=\"auth.b\",status=\"failed\"} 1.0",
        "meshwatch_run_duration_seconds_total{domain=\"auth\",product=\"auth.b\"} 100.0",
        "meshwatch_volume_rows{domain=\"auth\",product=\"auth.b\"} 150.0");
    assertThat(fixture.client.sample("meshwatch_ingest_rejected_total", "reason=\"unknown_product\"")).contains(1.0);
  }

  private void postEvents(String events) {
    HttpResponse<String> posted = fixture.client.post("/api/v1/products/auth.a/events", "application/json",
        events.getBytes(StandardCharsets.UTF_8), Optional.of(TOKEN_A));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
  }

  private String scrape() {
    return fixture.client.get("/metrics").body();
  }

  /** The samples of the four signal metrics families. */
  private List<String> signalLines() {
    return scrape().lines()
        .filter(line -> line.startsWith("meshwatch_quality_checks_total{") || line.startsWith("meshwatch_usage_reads_total{")
            || line.startsWith("meshwatch_runs_total{") || line.startsWith("meshwatch_run_duration_seconds_total{")
            || line.startsWith("meshwatch_volume_rows{"))
        .toList();
  }

  private static ResourceMetrics resource(String product, Metric... metrics) {
    return ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(attr(SignalContract.RESOURCE_PRODUCT, product)))
        .addScopeMetrics(ScopeMetrics.newBuilder().addAllMetrics(List.of(metrics)))
        .build();
  }

  private static Metric sum(String name, NumberDataPoint... points) {
    return Metric.newBuilder().setName(name).setSum(Sum.newBuilder()
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
        .setIsMonotonic(true).addAllDataPoints(List.of(points))).build();
  }

  private static Metric histogram(String name, HistogramDataPoint point) {
    return Metric.newBuilder().setName(name).setHistogram(Histogram.newBuilder()
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA).addDataPoints(point)).build();
  }

  private static NumberDataPoint count(long start, long time, long value, KeyValue... attributes) {
    return NumberDataPoint.newBuilder().setStartTimeUnixNano(start).setTimeUnixNano(time).setAsInt(value)
        .addAllAttributes(List.of(attributes)).build();
  }

  private static HistogramDataPoint histogramPoint(long start, long time, long count, double sum) {
    return HistogramDataPoint.newBuilder().setStartTimeUnixNano(start).setTimeUnixNano(time)
        .setCount(count).setSum(sum).build();
  }

  private static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
