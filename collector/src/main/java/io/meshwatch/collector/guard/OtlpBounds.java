package io.meshwatch.collector.guard;

import static io.meshwatch.model.SignalContract.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds of OTLP metric exports ({@code POST /v1/metrics}, protobuf and JSON alike: both decode to
 * the same messages; docs/CONTRACT.md). One entry per field of every protobuf message the decoder
 * walks, named {@code Message.field} (those it never reads say so), then the attributes it reads, the
 * freshness gauge's value and the sums it forms of a request's points.
 */
public final class OtlpBounds {

  public static final String TRANSPORT = "OTLP metrics";
  public static final Bound.Items RESOURCES = new Bound.Items(1_000);
  public static final Bound.Items SCOPES = new Bound.Items(1_000);
  public static final Bound.Items METRICS = new Bound.Items(10_000);
  public static final Bound.Items POINTS = new Bound.Items(100_000);
  /** A resource's attributes are only looked up, never kept; a point's key its series, so they are few and short. */
  public static final Bound.Items RESOURCE_ATTRIBUTES = new Bound.Items(1_000);
  public static final Bound.Items POINT_ATTRIBUTES = new Bound.Items(32);
  public static final Bound.Text ATTRIBUTE_KEY = new Bound.Text(0, 256);
  /** A point attribute's value as text: a string as it is, any other value in its protobuf text form. */
  public static final Bound.Text ATTRIBUTE_VALUE = new Bound.Text(0, 1_024);
  /** {@code domain.name}, each part at most 63 characters. */
  public static final Bound.Text PRODUCT = new Bound.Text(1, 127);
  public static final Bound.Text DOMAIN = new Bound.Text(1, 63);
  public static final Bound.Text SERVICE = new Bound.Text(0, 256);
  public static final Bound.Text KEY = Bounds.NAME;
  public static final Bound.Count COUNT = Bounds.COUNT;
  public static final Bound.Number VALUE = Bounds.ROWS;
  public static final Bound.Count FLAGS = new Bound.Count(0, 0xFFFF_FFFFL);
  public static final Bound.Choice TEMPORALITY = new Bound.Choice(List.of("DELTA", "CUMULATIVE"));
  /** What the decoder sums of one request's points (per check, consumer or product) must stay a count. */
  public static final Bound.Count SUMMED_COUNT = Bounds.COUNT;
  /** Summed seconds of reads or runs, as a duration of whole seconds and nanoseconds. */
  public static final Bound.Number SUMMED_SECONDS = Bounds.ROWS;

  private final Bound.Recent pointTime;
  private final Bound.Recent startTime;
  private final Bound.Recent dataTime;
  private final BoundsTable table;

  /**
   * @param maxSkew how far ahead of the clock any reported time may be
   * @param maxLateness how far behind the clock a point's time may be
   */
  public OtlpBounds(Duration maxSkew, Duration maxLateness) {
    this.pointTime = new Bound.Recent(maxLateness, maxSkew);
    this.startTime = new Bound.Recent(Bounds.MAX_DATA_AGE, maxSkew);
    this.dataTime = new Bound.Recent(Bounds.MAX_DATA_AGE, maxSkew);
    this.table = new BoundsTable(TRANSPORT, fields());
  }

  /** A point's {@code time_unix_nano}; 0 (not set) is the collector's clock. */
  public Bound.Recent pointTime() {
    return pointTime;
  }

  /** A point's {@code start_time_unix_nano}; 0 is not set. */
  public Bound.Recent startTime() {
    return startTime;
  }

  /** The freshness gauge's value: the data time, in epoch seconds. */
  public Bound.Recent dataTime() {
    return dataTime;
  }

  public BoundsTable table() {
    return table;
  }

  private List<Field<?>> fields() {
    Bound.Section section = Bounds.SECTION;
    Bound.Part attribute = new Bound.Part("the attribute it belongs to (below)");
    List<Field<?>> fields = new ArrayList<>(List.of(
        Field.of("ExportMetricsServiceRequest.resource_metrics", RESOURCES),
        Field.of("ResourceMetrics.resource", section),
        Field.of("ResourceMetrics.scope_metrics", SCOPES),
        Field.of("ResourceMetrics.schema_url", new Bound.Ignored("schemas are not interpreted")),
        Field.of("Resource.attributes", RESOURCE_ATTRIBUTES),
        Field.of("Resource.dropped_attributes_count", new Bound.Ignored("nothing depends on it")),
        Field.of("Resource.entity_refs", new Bound.Ignored("the product comes from meshwatch.product")),
        Field.of("ScopeMetrics.scope", new Bound.Ignored("any instrumentation scope may report")),
        Field.of("ScopeMetrics.metrics", METRICS),
        Field.of("ScopeMetrics.schema_url", new Bound.Ignored("schemas are not interpreted")),
        Field.of("KeyValue.key", attribute),
        Field.of("KeyValue.value", attribute),
        Field.of("KeyValue.key_strindex", new Bound.Ignored("dictionary indexes are for profiles")),
        Field.of("Metric.name", new Bound.Choice(List.of(FRESHNESS_DATA_TIME, QUALITY_CHECKS, QUALITY_ROWS_CHECKED,
            QUALITY_ROWS_FAILED, VOLUME_ROWS, USAGE_READS, USAGE_READ_DURATION, RUNS, RUN_DURATION, AGENT_HEARTBEAT))),
        Field.of("Metric.description", new Bound.Ignored("for people")),
        Field.of("Metric.unit", new Bound.Ignored("the contract fixes each metric's unit")),
        Field.of("Metric.gauge", section),
        Field.of("Metric.sum", section),
        Field.of("Metric.histogram", section),
        Field.of("Metric.exponential_histogram", section),
        Field.of("Metric.summary", new Bound.Refused("no contract metric is a summary; only its points are counted")),
        Field.of("Metric.metadata", new Bound.Ignored("nothing depends on it"))));
    for (String message : List.of("Gauge", "Sum", "Histogram", "ExponentialHistogram")) {
      fields.add(Field.of(message + ".data_points", POINTS));
      if (!message.equals("Gauge")) {
        fields.add(Field.of(message + ".aggregation_temporality", TEMPORALITY));
      }
    }
    fields.add(Field.of("Sum.is_monotonic", new Bound.Ignored("the contract fixes which metrics are counters")));
    for (String value : List.of("string_value", "bool_value", "int_value", "double_value", "array_value",
        "kvlist_value", "bytes_value")) {
      fields.add(Field.of("AnyValue." + value, attribute));
    }
    fields.add(Field.of("AnyValue.string_value_strindex", new Bound.Ignored("dictionary indexes are for profiles")));
    fields.add(Field.of("ArrayValue.values", attribute));
    fields.add(Field.of("KeyValueList.values", attribute));
    for (String point : List.of("NumberDataPoint", "HistogramDataPoint", "ExponentialHistogramDataPoint")) {
      fields.add(Field.of(point + ".attributes", POINT_ATTRIBUTES));
      fields.add(Field.of(point + ".start_time_unix_nano", startTime));
      fields.add(Field.of(point + ".time_unix_nano", pointTime));
      fields.add(Field.of(point + ".flags", FLAGS));
      fields.add(Field.of(point + ".exemplars", new Bound.Ignored("exemplars are not kept")));
    }
    fields.add(Field.of("NumberDataPoint.as_double", VALUE));
    fields.add(Field.of("NumberDataPoint.as_int", COUNT));
    for (String point : List.of("HistogramDataPoint", "ExponentialHistogramDataPoint")) {
      fields.add(Field.of(point + ".count", COUNT));
      fields.add(Field.of(point + ".sum", VALUE));
      fields.add(Field.of(point + ".min", new Bound.Ignored("only count and sum are read")));
      fields.add(Field.of(point + ".max", new Bound.Ignored("only count and sum are read")));
    }
    for (String buckets : List.of("HistogramDataPoint.bucket_counts", "HistogramDataPoint.explicit_bounds",
        "ExponentialHistogramDataPoint.scale", "ExponentialHistogramDataPoint.zero_count",
        "ExponentialHistogramDataPoint.positive", "ExponentialHistogramDataPoint.negative",
        "ExponentialHistogramDataPoint.zero_threshold")) {
      fields.add(Field.of(buckets, new Bound.Ignored("buckets are not read: only count and sum")));
    }
    fields.addAll(List.of(
        Field.of("point attribute key", ATTRIBUTE_KEY),
        Field.of("point attribute value", ATTRIBUTE_VALUE),
        Field.of(RESOURCE_PRODUCT, PRODUCT),
        Field.of(RESOURCE_DOMAIN, DOMAIN),
        Field.of(RESOURCE_SERVICE_NAME, SERVICE),
        Field.of(ATTR_CHECK, KEY),
        Field.of(ATTR_CONSUMER, KEY),
        Field.of(ATTR_OUTCOME, new Bound.Choice(List.of(OUTCOME_PASS, OUTCOME_FAIL, OUTCOME_SUCCESS, OUTCOME_FAILURE))),
        Field.of(ATTR_RUN_STATUS, new Bound.Choice(List.of(RUN_SUCCEEDED, RUN_FAILED))),
        Field.of(FRESHNESS_DATA_TIME + " value", dataTime),
        Field.of("summed count", SUMMED_COUNT),
        Field.of("summed seconds", SUMMED_SECONDS)));
    return fields;
  }
}
