package io.meshwatch.collector.ingest;

import io.meshwatch.model.SignalContract;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Hand-built OTLP export requests, as any SDK would send them. */
final class Otlp {

  static final AggregationTemporality DELTA = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
  static final AggregationTemporality CUMULATIVE = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
  /** When the reporting SDK started: the start time of its cumulative series. */
  /** Where the tests' clock starts. */
  static final Instant CLOCK_START = Instant.parse("2026-11-25T10:00:00Z");
  static final Instant START = CLOCK_START.minus(Duration.ofMinutes(10));
  /** A point's time: a second before the collector's clock. */
  static final Instant AT = CLOCK_START.minusSeconds(1);

  private Otlp() {}

  static ExportMetricsServiceRequest request(ResourceMetrics... resources) {
    ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
    for (ResourceMetrics resource : resources) {
      request.addResourceMetrics(resource);
    }
    return request.build();
  }

  static ResourceMetrics resource(String product, Metric... metrics) {
    return resource(Resource.newBuilder()
        .addAttributes(attr(SignalContract.RESOURCE_PRODUCT, product))
        .addAttributes(attr(SignalContract.RESOURCE_SERVICE_NAME, "orders-pipeline"))
        .build(), metrics);
  }

  static ResourceMetrics resource(Resource resource, Metric... metrics) {
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder();
    for (Metric metric : metrics) {
      scope.addMetrics(metric);
    }
    return ResourceMetrics.newBuilder().setResource(resource).addScopeMetrics(scope).build();
  }

  static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  static KeyValue attr(String key, long value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
  }

  static Metric gauge(String name, NumberDataPoint... points) {
    Gauge.Builder gauge = Gauge.newBuilder();
    for (NumberDataPoint point : points) {
      gauge.addDataPoints(point);
    }
    return Metric.newBuilder().setName(name).setGauge(gauge).build();
  }

  static Metric sum(String name, AggregationTemporality temporality, NumberDataPoint... points) {
    Sum.Builder sum = Sum.newBuilder().setAggregationTemporality(temporality).setIsMonotonic(true);
    for (NumberDataPoint point : points) {
      sum.addDataPoints(point);
    }
    return Metric.newBuilder().setName(name).setSum(sum).build();
  }

  static Metric histogram(String name, AggregationTemporality temporality, HistogramDataPoint... points) {
    Histogram.Builder histogram = Histogram.newBuilder().setAggregationTemporality(temporality);
    for (HistogramDataPoint point : points) {
      histogram.addDataPoints(point);
    }
    return Metric.newBuilder().setName(name).setHistogram(histogram).build();
  }

  /** A double point at {@link #AT}. */
  static NumberDataPoint value(double value, KeyValue... attributes) {
    return NumberDataPoint.newBuilder().setStartTimeUnixNano(nanos(START)).setTimeUnixNano(nanos(AT))
        .setAsDouble(value).addAllAttributes(List.of(attributes)).build();
  }

  /** An integer point at {@link #AT}. */
  static NumberDataPoint count(long value, KeyValue... attributes) {
    return NumberDataPoint.newBuilder().setStartTimeUnixNano(nanos(START)).setTimeUnixNano(nanos(AT))
        .setAsInt(value).addAllAttributes(List.of(attributes)).build();
  }

  static HistogramDataPoint histogramPoint(long count, double sum, KeyValue... attributes) {
    return HistogramDataPoint.newBuilder().setStartTimeUnixNano(nanos(START)).setTimeUnixNano(nanos(AT))
        .setCount(count).setSum(sum).addAllAttributes(List.of(attributes)).build();
  }

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
