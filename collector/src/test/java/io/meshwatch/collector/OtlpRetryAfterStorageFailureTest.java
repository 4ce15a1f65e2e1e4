package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost when the journal cannot take an export: a collector in a JVM of its own under
 * {@code ulimit -f}, whose journal refuses a batch larger than a file may grow (as on a full disk),
 * answers 503 for an export that carries the next reading of a cumulative series, and the client's
 * retry of that reading, once the journal takes it, counts what the series gained since the reading
 * before. Decoding had advanced the series to the refused reading, so the retry counted nothing.
 */
class OtlpRetryAfterStorageFailureTest {

  private static final int FILE_KIB = 256;
  /** Delta points enough to make the refused export's batch larger than any file may grow. */
  private static final int FILLER = 6_000;
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final long START_NANOS = nanos(T0.minus(Duration.ofMinutes(10)));

  private final List<Process> children = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void export_refusedBecauseTheJournalCannotTakeIt_countsItsCumulativeReadingsWhenSentAgain() throws Exception {
    ChildCollector child = ChildCollector.startUnderUlimit(children, "-f", FILE_KIB, CrashTestCollectorMain.class,
        dir.toString(), T0.toString());

    assertThat(post(child.uri(), export(5, 0)).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = post(child.uri(), export(8, FILLER));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    HttpResponse<String> retried = post(child.uri(), export(8, 0));
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);

    child.command("evaluate");
    JsonNode checks = checksSlo(get(child.uri(), "/api/v1/products/" + CrashTestCollectorMain.ORDERS));
    assertThat(checks.path("events").path("total").asLong()).as("5, then the 3 the retry gained").isEqualTo(8);
    assertThat(checks.path("events").path("good").asLong()).isEqualTo(8);
  }

  /** The cumulative reading {@code passed} of one check, and {@code filler} delta points of other checks. */
  private static byte[] export(long passed, int filler) {
    long at = nanos(T0.minusSeconds(1));
    Sum.Builder cumulative = Sum.newBuilder().setIsMonotonic(true)
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
        .addDataPoints(point("not_null_customer_id", passed).setStartTimeUnixNano(START_NANOS).setTimeUnixNano(at));
    Sum.Builder delta = Sum.newBuilder().setIsMonotonic(true)
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
    for (int i = 0; i < filler; i++) {
      delta.addDataPoints(point(String.format("filler_check_%05d_of_a_long_name", i), 1).setTimeUnixNano(at));
    }
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder().addMetrics(checks(cumulative));
    if (filler > 0) {
      scope.addMetrics(checks(delta));
    }
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(attr(SignalContract.RESOURCE_PRODUCT,
            CrashTestCollectorMain.ORDERS.toString())))
        .addScopeMetrics(scope)).build().toByteArray();
  }

  private static Metric checks(Sum.Builder sum) {
    return Metric.newBuilder().setName(SignalContract.QUALITY_CHECKS).setUnit(SignalContract.UNIT_CHECKS).setSum(sum).build();
  }

  private static NumberDataPoint.Builder point(String check, long passed) {
    return NumberDataPoint.newBuilder().addAttributes(attr(SignalContract.ATTR_CHECK, check))
        .addAttributes(attr(SignalContract.ATTR_OUTCOME, SignalContract.OUTCOME_PASS)).setAsInt(passed);
  }

  private static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static JsonNode checksSlo(String product) throws IOException {
    for (JsonNode slo : new ObjectMapper().readTree(product).path("status").path("slos")) {
      if (slo.path("name").asText().equals("checks")) {
        return slo;
      }
    }
    throw new AssertionError("no SLO checks in " + product);
  }

  private HttpResponse<String> post(URI base, byte[] body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/metrics"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-protobuf")
        .header("Authorization", "Bearer " + CrashTestCollectorMain.ADMIN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String get(URI base, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
