package io.meshwatch.bench;

import io.meshwatch.collector.ingest.DecodeResult;
import io.meshwatch.collector.ingest.IngestLimits;
import io.meshwatch.collector.ingest.OtlpMetricsDecoder;
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
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to decode one OTLP export of 12 cumulative quality-check points (6 checks, both outcomes),
 * their series already tracked, as in steady state: {@code extra} is how many attributes each point
 * carries beyond its check and outcome (0 for the agent; 8 of 64 characters for what a central
 * OpenTelemetry Collector may add). Parsing is not measured, only {@link OtlpMetricsDecoder#decode}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OtlpDecodeBenchmark {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  @Param({"0", "8"})
  public int extra;

  private OtlpMetricsDecoder decoder;
  private ExportMetricsServiceRequest request;

  @Setup
  public void setUp() {
    decoder = new OtlpMetricsDecoder(InstantSource.fixed(NOW), IngestLimits.defaults(), Set.of(ORDERS)::contains);
    request = request(extra);
    decoder.decode(request);
  }

  @Benchmark
  public DecodeResult decode() {
    return decoder.decode(request);
  }

  private static ExportMetricsServiceRequest request(int extra) {
    long now = NOW.getEpochSecond() * 1_000_000_000L;
    Sum.Builder sum = Sum.newBuilder().setIsMonotonic(true)
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    for (int check = 0; check < 6; check++) {
      for (String outcome : new String[] {SignalContract.OUTCOME_PASS, SignalContract.OUTCOME_FAIL}) {
        NumberDataPoint.Builder point = NumberDataPoint.newBuilder()
            .addAttributes(attr(SignalContract.ATTR_CHECK, "not_null_column_" + check))
            .addAttributes(attr(SignalContract.ATTR_OUTCOME, outcome))
            .setStartTimeUnixNano(now - 600_000_000_000L).setTimeUnixNano(now - 1_000_000_000L).setAsInt(3);
        for (int a = 0; a < extra; a++) {
          point.addAttributes(attr("k8s.attribute." + a, ("value-" + a + "-").repeat(8).substring(0, 64)));
        }
        sum.addDataPoints(point);
      }
    }
    Metric checks = Metric.newBuilder().setName(SignalContract.QUALITY_CHECKS).setUnit(SignalContract.UNIT_CHECKS).setSum(sum).build();
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(attr(SignalContract.RESOURCE_PRODUCT, ORDERS.toString()))
            .addAttributes(attr(SignalContract.RESOURCE_SERVICE_NAME, "orders-pipeline")))
        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(checks))).build();
  }

  private static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }
}
