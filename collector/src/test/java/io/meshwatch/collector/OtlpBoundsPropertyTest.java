package io.meshwatch.collector;

import static io.meshwatch.model.SignalContract.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.Extremes;
import io.meshwatch.collector.guard.Field;
import io.meshwatch.collector.guard.OtlpBounds;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.jspecify.annotations.Nullable;

/**
 * Every checked field of the OTLP table, driven at and past its extremes through {@code POST
 * /v1/metrics} of one real collector, as protobuf and (where small) as OTLP/JSON in turn: an export
 * holding the value is refused with a 4xx whose status names the field, or accepted, and then
 * evaluation, the API and {@code /metrics} still answer; after the last, so does a restart. Values a
 * field's wire type cannot carry (a fraction for a uint64) are not sent.
 */
class OtlpBoundsPropertyTest {

  private static final OtlpBounds BOUNDS = new OtlpBounds(Duration.ofMinutes(5), Duration.ofHours(1));
  private static final long AT = nanos(BoundaryCollector.T0.minusSeconds(1));
  /**
   * What a refusal of each field says, where that is not the field's own name; a data time before 1970
   * is a negative number, refused as the point's value.
   */
  private static final Map<String, List<String>> NAMED_AS = Map.of("point attribute key", List.of("attributes key"),
      "point attribute value", List.of("value must be text"),
      FRESHNESS_DATA_TIME + " value", List.of("data time", "NumberDataPoint.as_double"),
      "summed count", List.of("summed over"), "summed seconds", List.of("summed over"));

  record Case(String field, Extremes.Edge edge, ExportMetricsServiceRequest request, boolean json) {
    @Override
    public String toString() {
      return field + ": " + edge + (json ? " (JSON)" : " (protobuf)");
    }
  }

  private BoundaryCollector collector;

  @BeforeProperty
  void start() {
    collector = new BoundaryCollector();
  }

  @AfterProperty
  void restartAndStop() {
    try {
      collector.assertUnbroken(collector.products(), true);
      collector.restart();
      collector.assertUnbroken(collector.products(), true);
    } finally {
      collector.close();
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 10_000)
  void everyEdgeOfEveryField_isRefusedNamingItOrLeavesTheCollectorWhole(@ForAll("cases") Case c) throws Exception {
    byte[] body = c.json() ? JsonFormat.printer().print(c.request()).getBytes(StandardCharsets.UTF_8) : c.request().toByteArray();

    HttpResponse<String> response = collector.client.post("/v1/metrics",
        c.json() ? "application/json" : "application/x-protobuf", body, Optional.of(BoundaryCollector.ADMIN));

    if (response.statusCode() == 200) {
      collector.assertUnbroken(List.of(BoundaryCollector.ORDERS.toString()));
    } else {
      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
      assertThat(response.body()).containsAnyOf(NAMED_AS.getOrDefault(c.field(), List.of(c.field())).toArray(String[]::new));
    }
  }

  @Provide
  Arbitrary<Case> cases() throws InvalidProtocolBufferException {
    List<Case> cases = new ArrayList<>();
    for (Field<?> field : BOUNDS.table().fields()) {
      List<Extremes.Edge> edges = new ArrayList<>(Extremes.of(field.bound(), BoundaryCollector.T0));
      if (field.bound() instanceof Bound.Number) {
        for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
          edges.add(new Extremes.Edge("number " + special, special, false));
        }
      }
      if (field.bound() instanceof Bound.Recent) {
        edges.add(new Extremes.Edge("largest uint64", "uint64 max", false));
      }
      for (Extremes.Edge edge : edges) {
        ExportMetricsServiceRequest request = request(field.name(), edge.value());
        if (request != null) {
          boolean json = cases.size() % 2 == 1 && request.getSerializedSize() < 100_000;
          cases.add(new Case(field.name(), edge, request, json));
        }
      }
    }
    return Arbitraries.of(cases);
  }

  /** An export of sales.orders whose one point (or list) holds {@code value} at {@code field}; null where it cannot. */
  private static @Nullable ExportMetricsServiceRequest request(String field, Object value) {
    Integer items = value instanceof Extremes.Items i ? i.count() : null;
    String text = value instanceof String s ? s : null;
    Long count = value instanceof Long l ? l : null;
    Double number = value instanceof Double d ? d : value instanceof Long l ? Double.valueOf(l) : null;
    Long time = text == null ? null : nanos(text);
    NumberDataPoint beat = NumberDataPoint.newBuilder().setTimeUnixNano(AT).setAsInt(1).build();
    return switch (field) {
      case "ExportMetricsServiceRequest.resource_metrics" -> {
        ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
        for (int i = 0; i < items; i++) {
          request.addResourceMetrics(resource(List.of(gauge(AGENT_HEARTBEAT, beat))));
        }
        yield request.build();
      }
      case "ResourceMetrics.scope_metrics" -> {
        ResourceMetrics.Builder resource = ResourceMetrics.newBuilder().setResource(productResource(UnaryOperator.identity()));
        for (int i = 0; i < items; i++) {
          resource.addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(gauge(AGENT_HEARTBEAT, beat)));
        }
        yield ExportMetricsServiceRequest.newBuilder().addResourceMetrics(resource).build();
      }
      case "Resource.attributes" -> export(productResource(r -> {
        for (int i = 0; i < items; i++) {
          r.addAttributes(attr("extra." + i, "v"));
        }
        return r;
      }), List.of(gauge(AGENT_HEARTBEAT, beat)));
      case "ScopeMetrics.metrics" -> export(List.copyOf(java.util.Collections.nCopies(items, gauge(AGENT_HEARTBEAT, beat))));
      case "Metric.name" -> export(List.of(named(text)));
      case "Gauge.data_points" -> export(List.of(gauge(AGENT_HEARTBEAT, java.util.Collections.nCopies(items, beat)
          .toArray(NumberDataPoint[]::new))));
      case "Sum.data_points" -> export(List.of(sum(RUNS, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
          java.util.Collections.nCopies(items, run(1)).toArray(NumberDataPoint[]::new))));
      case "Histogram.data_points" -> export(List.of(histogram(VOLUME_ROWS,
          java.util.Collections.nCopies(items, rows(1, 10)).toArray(HistogramDataPoint[]::new))));
      case "ExponentialHistogram.data_points" -> export(List.of(exponential(VOLUME_ROWS,
          java.util.Collections.nCopies(items, exponentialRows(1, 10)).toArray(ExponentialHistogramDataPoint[]::new))));
      case "Sum.aggregation_temporality" -> export(List.of(Metric.newBuilder().setName(RUNS).setSum(Sum.newBuilder()
          .setAggregationTemporalityValue(temporality(text)).addDataPoints(run(1))).build()));
      case "Histogram.aggregation_temporality" -> export(List.of(Metric.newBuilder().setName(VOLUME_ROWS).setHistogram(
          Histogram.newBuilder().setAggregationTemporalityValue(temporality(text)).addDataPoints(rows(1, 10))).build()));
      case "ExponentialHistogram.aggregation_temporality" -> export(List.of(Metric.newBuilder().setName(VOLUME_ROWS)
          .setExponentialHistogram(ExponentialHistogram.newBuilder().setAggregationTemporalityValue(temporality(text))
              .addDataPoints(exponentialRows(1, 10))).build()));
      case "NumberDataPoint.attributes" -> export(List.of(gauge(AGENT_HEARTBEAT, beat.toBuilder().addAllAttributes(extra(items)).build())));
      case "HistogramDataPoint.attributes" -> export(List.of(histogram(VOLUME_ROWS, rows(1, 10).toBuilder()
          .addAllAttributes(extra(items)).build())));
      case "ExponentialHistogramDataPoint.attributes" -> export(List.of(exponential(VOLUME_ROWS, exponentialRows(1, 10)
          .toBuilder().addAllAttributes(extra(items)).build())));
      case "NumberDataPoint.start_time_unix_nano" -> time == null ? null
          : export(List.of(sum(RUNS, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
              run(1).toBuilder().setStartTimeUnixNano(time).build())));
      case "HistogramDataPoint.start_time_unix_nano" -> time == null ? null
          : export(List.of(histogram(VOLUME_ROWS, rows(1, 10).toBuilder().setStartTimeUnixNano(time).build())));
      case "ExponentialHistogramDataPoint.start_time_unix_nano" -> time == null ? null
          : export(List.of(exponential(VOLUME_ROWS, exponentialRows(1, 10).toBuilder().setStartTimeUnixNano(time).build())));
      case "NumberDataPoint.time_unix_nano" -> time == null ? null
          : export(List.of(sum(RUNS, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, run(1).toBuilder().setTimeUnixNano(time).build())));
      case "HistogramDataPoint.time_unix_nano" -> time == null ? null
          : export(List.of(histogram(VOLUME_ROWS, rows(1, 10).toBuilder().setTimeUnixNano(time).build())));
      case "ExponentialHistogramDataPoint.time_unix_nano" -> time == null ? null
          : export(List.of(exponential(VOLUME_ROWS, exponentialRows(1, 10).toBuilder().setTimeUnixNano(time).build())));
      case "NumberDataPoint.flags" -> count == null || count < 0 || count > 0xFFFF_FFFFL ? null
          : export(List.of(gauge(AGENT_HEARTBEAT, beat.toBuilder().setFlags((int) (long) count).build())));
      case "HistogramDataPoint.flags" -> count == null || count < 0 || count > 0xFFFF_FFFFL ? null
          : export(List.of(histogram(VOLUME_ROWS, rows(1, 10).toBuilder().setFlags((int) (long) count).build())));
      case "ExponentialHistogramDataPoint.flags" -> count == null || count < 0 || count > 0xFFFF_FFFFL ? null
          : export(List.of(exponential(VOLUME_ROWS, exponentialRows(1, 10).toBuilder().setFlags((int) (long) count).build())));
      case "NumberDataPoint.as_double" -> number == null ? null
          : export(List.of(sum(RUNS, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
              run(1).toBuilder().setAsDouble(number).build())));
      case "NumberDataPoint.as_int" -> count == null ? null
          : export(List.of(sum(RUNS, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, run(count))));
      case "HistogramDataPoint.count" -> count == null ? null : export(List.of(histogram(VOLUME_ROWS, rows(count, 10))));
      case "HistogramDataPoint.sum" -> number == null ? null : export(List.of(histogram(RUN_DURATION,
          HistogramDataPoint.newBuilder().setTimeUnixNano(AT).setCount(1).setSum(number)
              .addAttributes(attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)).build())));
      case "ExponentialHistogramDataPoint.count" -> count == null ? null
          : export(List.of(exponential(VOLUME_ROWS, exponentialRows(count, 10))));
      case "ExponentialHistogramDataPoint.sum" -> number == null ? null : export(List.of(exponential(USAGE_READ_DURATION,
          ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(AT).setCount(1).setSum(number)
              .addAttributes(attr(ATTR_CONSUMER, "bi")).build())));
      case "point attribute key" -> text == null ? null
          : export(List.of(gauge(AGENT_HEARTBEAT, beat.toBuilder().addAttributes(attr(text, "v")).build())));
      case "point attribute value" -> text == null ? null
          : export(List.of(gauge(AGENT_HEARTBEAT, beat.toBuilder().addAttributes(attr("k", text)).build())));
      case RESOURCE_PRODUCT -> text == null ? null : export(Resource.newBuilder().addAttributes(attr(RESOURCE_PRODUCT, text))
          .build(), List.of(gauge(AGENT_HEARTBEAT, beat)));
      case RESOURCE_DOMAIN -> text == null ? null
          : export(productResource(r -> r.addAttributes(attr(RESOURCE_DOMAIN, text))), List.of(gauge(AGENT_HEARTBEAT, beat)));
      case RESOURCE_SERVICE_NAME -> text == null ? null : export(Resource.newBuilder()
          .addAttributes(attr(RESOURCE_PRODUCT, BoundaryCollector.ORDERS.toString())).addAttributes(attr(RESOURCE_SERVICE_NAME, text))
          .build(), List.of(gauge(AGENT_HEARTBEAT, beat)));
      case ATTR_CHECK -> text == null ? null : export(List.of(sum(QUALITY_CHECKS, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
          NumberDataPoint.newBuilder().setTimeUnixNano(AT).setAsInt(1).addAttributes(attr(ATTR_CHECK, text))
              .addAttributes(attr(ATTR_OUTCOME, OUTCOME_FAIL)).build())));
      case ATTR_CONSUMER -> text == null ? null : export(List.of(sum(USAGE_READS, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
          NumberDataPoint.newBuilder().setTimeUnixNano(AT).setAsInt(1).addAttributes(attr(ATTR_CONSUMER, text))
              .addAttributes(attr(ATTR_OUTCOME, OUTCOME_FAILURE)).build())));
      case ATTR_OUTCOME -> text == null ? null : export(List.of(sum(QUALITY_CHECKS, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
          NumberDataPoint.newBuilder().setTimeUnixNano(AT).setAsInt(1).addAttributes(attr(ATTR_CHECK, "c"))
              .addAttributes(attr(ATTR_OUTCOME, text)).build())));
      case ATTR_RUN_STATUS -> text == null ? null : export(List.of(sum(RUNS, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
          NumberDataPoint.newBuilder().setTimeUnixNano(AT).setAsInt(1).addAttributes(attr(ATTR_RUN_STATUS, text)).build())));
      case FRESHNESS_DATA_TIME + " value" -> {
        Double seconds = number != null ? number : text == null ? null : epochSeconds(text);
        yield seconds == null ? null : export(List.of(gauge(FRESHNESS_DATA_TIME,
            NumberDataPoint.newBuilder().setTimeUnixNano(AT).setAsDouble(seconds).build())));
      }
      case "summed count" -> count == null || count < 0 ? null : export(List.of(sum(RUNS,
          AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, split(count).stream().map(OtlpBoundsPropertyTest::run)
              .toArray(NumberDataPoint[]::new))));
      case "summed seconds" -> number == null || !(number >= 0) || number > 1000 * OtlpBounds.SUMMED_SECONDS.max() ? null
          : export(List.of(histogram(RUN_DURATION, secondsSplit(number).stream().map(s -> HistogramDataPoint.newBuilder()
              .setTimeUnixNano(AT).setCount(1).setSum(s).addAttributes(attr(ATTR_RUN_STATUS, RUN_FAILED)).build())
              .toArray(HistogramDataPoint[]::new))));
      default -> null; // a section, or a field only checked as part of another: no extremes of its own
    };
  }

  private static ExportMetricsServiceRequest export(List<Metric> metrics) {
    return export(productResource(UnaryOperator.identity()), metrics);
  }

  private static ExportMetricsServiceRequest export(Resource resource, List<Metric> metrics) {
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder().setResource(resource)
        .addScopeMetrics(ScopeMetrics.newBuilder().addAllMetrics(metrics))).build();
  }

  private static ResourceMetrics resource(List<Metric> metrics) {
    return export(metrics).getResourceMetrics(0);
  }

  private static Resource productResource(UnaryOperator<Resource.Builder> more) {
    return more.apply(Resource.newBuilder().addAttributes(attr(RESOURCE_PRODUCT, BoundaryCollector.ORDERS.toString()))
        .addAttributes(attr(RESOURCE_SERVICE_NAME, "orders-pipeline"))).build();
  }

  private static Metric named(String name) {
    return switch (name) {
      case QUALITY_CHECKS, USAGE_READS, RUNS, QUALITY_ROWS_CHECKED, QUALITY_ROWS_FAILED -> sum(name,
          AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, NumberDataPoint.newBuilder().setTimeUnixNano(AT)
              .setAsInt(name.equals(QUALITY_ROWS_FAILED) ? 0 : 1).addAttributes(attr(ATTR_CHECK, "c")).addAttributes(attr(ATTR_CONSUMER, "bi"))
              .addAttributes(attr(ATTR_OUTCOME, name.equals(USAGE_READS) ? OUTCOME_SUCCESS : OUTCOME_PASS))
              .addAttributes(attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)).build());
      case VOLUME_ROWS, USAGE_READ_DURATION, RUN_DURATION -> histogram(name, rows(1, 10).toBuilder()
          .addAttributes(attr(ATTR_CONSUMER, "bi")).addAttributes(attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)).build());
      case FRESHNESS_DATA_TIME -> gauge(name, NumberDataPoint.newBuilder().setTimeUnixNano(AT)
          .setAsDouble(BoundaryCollector.T0.minusSeconds(600).getEpochSecond()).build());
      default -> gauge(name, NumberDataPoint.newBuilder().setTimeUnixNano(AT).setAsInt(1).build());
    };
  }

  private static Metric gauge(String name, NumberDataPoint... points) {
    return Metric.newBuilder().setName(name).setGauge(Gauge.newBuilder().addAllDataPoints(List.of(points))).build();
  }

  private static Metric sum(String name, AggregationTemporality temporality, NumberDataPoint... points) {
    return Metric.newBuilder().setName(name)
        .setSum(Sum.newBuilder().setAggregationTemporality(temporality).setIsMonotonic(true).addAllDataPoints(List.of(points)))
        .build();
  }

  private static Metric histogram(String name, HistogramDataPoint... points) {
    return Metric.newBuilder().setName(name).setHistogram(Histogram.newBuilder()
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA).addAllDataPoints(List.of(points))).build();
  }

  private static Metric exponential(String name, ExponentialHistogramDataPoint... points) {
    return Metric.newBuilder().setName(name).setExponentialHistogram(ExponentialHistogram.newBuilder()
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA).addAllDataPoints(List.of(points))).build();
  }

  private static NumberDataPoint run(long count) {
    return NumberDataPoint.newBuilder().setTimeUnixNano(AT).setAsInt(count).addAttributes(attr(ATTR_RUN_STATUS, RUN_FAILED)).build();
  }

  private static HistogramDataPoint rows(long count, double sum) {
    return HistogramDataPoint.newBuilder().setTimeUnixNano(AT).setCount(count).setSum(sum).build();
  }

  private static ExponentialHistogramDataPoint exponentialRows(long count, double sum) {
    return ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(AT).setCount(count).setSum(sum).build();
  }

  private static List<KeyValue> extra(int count) {
    List<KeyValue> attributes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      attributes.add(attr("extra." + i, "v"));
    }
    return attributes;
  }

  private static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static int temporality(String name) {
    return switch (name) {
      case "DELTA" -> AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA_VALUE;
      case "CUMULATIVE" -> AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE_VALUE;
      case "" -> AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED_VALUE;
      default -> 42; // not an enum value at all
    };
  }

  /** Points of at most 2^53 each, summing to {@code total} (or just past the bound, for totals beyond it). */
  private static List<Long> split(long total) {
    long most = OtlpBounds.COUNT.max();
    long parts = Math.max(2, Math.min(1025, -Math.floorDiv(-total, most)));
    List<Long> points = new ArrayList<>();
    long left = total;
    for (long i = parts; i > 0; i--) {
      long part = Math.min(most, -Math.floorDiv(-left, i));
      points.add(part);
      left -= part;
    }
    return points;
  }

  private static List<Double> secondsSplit(double total) {
    int parts = (int) Math.max(2, Math.ceil(total / OtlpBounds.SUMMED_SECONDS.max()));
    return java.util.Collections.nCopies(parts, total / parts);
  }

  /** Unsigned nanoseconds of {@code text}: none before the epoch, the largest uint64 past what it holds. */
  private static @Nullable Long nanos(String text) {
    if (text.equals("uint64 max")) {
      return -1L;
    }
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
    if (instant.isBefore(Instant.EPOCH)) {
      return null;
    }
    return instant.isAfter(Instant.parse("2554-07-21T23:34:33Z")) ? -1L : nanos(instant);
  }

  private static @Nullable Double epochSeconds(String text) {
    try {
      return (double) Instant.parse(text).getEpochSecond();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
