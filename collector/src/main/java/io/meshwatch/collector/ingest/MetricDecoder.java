package io.meshwatch.collector.ingest;

import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.OtlpBounds;
import io.meshwatch.collector.guard.Shown;
import io.meshwatch.collector.guard.Violation;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks the points of one contract metric against {@link OtlpBounds} and adds the good ones, as
 * deltas, to their product's signals. One instance per request: it holds the request's "now".
 */
final class MetricDecoder {

  /** A data point of any shape, its numbers read and checked ({@code problem} set when they are bad). */
  private record Sample(String type, List<KeyValue> attributes, long startNanos, long timeNanos, int flags,
      Reading reading, @Nullable String problem) {}

  private static final long NANOS = 1_000_000_000L;
  private static final String TEMPORALITY_PREFIX = "AGGREGATION_TEMPORALITY_";

  private final Instant now;
  private final OtlpBounds bounds;
  private final CumulativeDeltas cumulative;
  private final RequestTally tally;
  /** The bounds' ends in unsigned nanoseconds, so that a point in bounds costs two comparisons each. */
  private final long latestNanos;
  private final long earliestNanos;
  private final long earliestStartNanos;
  private final long latestStartNanos;

  MetricDecoder(Instant now, OtlpBounds bounds, CumulativeDeltas cumulative, RequestTally tally) {
    this.now = now;
    this.bounds = bounds;
    this.cumulative = cumulative;
    this.tally = tally;
    this.latestNanos = nanos(now.plus(bounds.pointTime().after()));
    this.earliestNanos = nanos(now.minus(bounds.pointTime().before()));
    this.earliestStartNanos = nanos(now.minus(bounds.startTime().before()));
    this.latestStartNanos = nanos(now.plus(bounds.startTime().after()));
  }

  /** Epoch nanoseconds of {@code instant}, 0 for one before the epoch (nothing unsigned is earlier). */
  private static long nanos(Instant instant) {
    return instant.isBefore(Instant.EPOCH) ? 0 : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
  }

  private static boolean within(long unsignedNanos, long earliest, long latest) {
    return Long.compareUnsigned(unsignedNanos, earliest) >= 0 && Long.compareUnsigned(unsignedNanos, latest) <= 0;
  }

  /** How many data points {@code metric} carries, whatever its shape. */
  static int points(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case SUM -> metric.getSum().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY -> metric.getSummary().getDataPointsCount();
      case DATA_NOT_SET -> 0;
    };
  }

  void decode(ProductSignals signals, String service, Metric metric, ContractMetric kind) {
    String where = "product " + signals.product() + ", metric " + metric.getName() + ": ";
    if (!kind.shape().matches(metric)) {
      reject(RejectReason.INVALID_VALUE, where + "must be " + kind.shape().description() + ", got "
          + metric.getDataCase().name().toLowerCase(Locale.ROOT), points(metric));
      return;
    }
    String message = shapeMessage(metric);
    Violation tooMany = OtlpBounds.POINTS.check(points(metric));
    if (tooMany != null) {
      reject(RejectReason.INVALID_VALUE, where + message + ".data_points " + tooMany.message(), points(metric));
      return;
    }
    AggregationTemporality temporality = temporality(metric);
    if (kind.shape() != ContractMetric.Shape.GAUGE) {
      Violation unknown = OtlpBounds.TEMPORALITY.check(temporality.name().replace(TEMPORALITY_PREFIX, ""));
      if (unknown != null) {
        reject(RejectReason.INVALID_VALUE, where + message + ".aggregation_temporality " + unknown.message(), points(metric));
        return;
      }
    }
    boolean isCumulative = temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
    for (Sample sample : samples(metric)) {
      if ((sample.flags() & DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE) != 0) {
        continue; // a staleness marker, not a measurement
      }
      point(signals, service, metric.getName(), kind, isCumulative, sample, where);
    }
  }

  private void point(ProductSignals signals, String service, String name, ContractMetric kind,
      boolean isCumulative, Sample sample, String where) {
    String point = where + sample.type();
    // Time 0 means "not set" (observed now); anything older than the lateness would land in a bucket
    // the SLOs have already judged, or outside them: refuse it rather than acknowledge and drop it.
    Violation time = sample.timeNanos() == 0 || within(sample.timeNanos(), earliestNanos, latestNanos) ? null
        : bounds.pointTime().check(instant(sample.timeNanos()), now);
    if (time != null) {
      reject(time.side() == Violation.Side.ABOVE ? RejectReason.FUTURE_TIMESTAMP : RejectReason.TOO_LATE,
          point + ".time_unix_nano " + time.message(), 1);
      return;
    }
    Violation start = sample.startNanos() == 0 || within(sample.startNanos(), earliestStartNanos, latestStartNanos) ? null
        : bounds.startTime().check(instant(sample.startNanos()), now);
    String problem = start != null ? ".start_time_unix_nano " + start.message() : sample.problem();
    if (problem == null) {
      problem = attributesProblem(sample.attributes());
    }
    if (problem != null) {
      reject(RejectReason.INVALID_VALUE, point + problem, 1);
      return;
    }
    Map<String, AnyValue> attributes = AttributeText.map(sample.attributes());
    PointLabels labels = PointLabels.read(kind, attributes, p -> reject(RejectReason.INVALID_VALUE, where + p, 1));
    if (labels == null) {
      return;
    }
    Instant observedAt = sample.timeNanos() == 0 ? now : instant(sample.timeNanos());
    if (kind == ContractMetric.FRESHNESS_DATA_TIME) {
      freshness(signals, sample.reading().value(), observedAt, where);
      return;
    }
    Reading delta = sample.reading();
    if (isCumulative) {
      SeriesKey key = SeriesKey.of(signals.product(), service, kind, labels, sample.attributes(), sample.startNanos());
      delta = cumulative.delta(key, sample.reading());
      if (delta == null) {
        SeriesAccounts.Refusal refusal = cumulative.refusal(key.product());
        tally.refuseSeries(refusal.collectorWide(), where + refusal.why() + "; new series "
            + SeriesKey.describe(sample.attributes()) + " refused");
        return;
      }
    }
    signals.add(kind, labels, delta, observedAt);
    tally.accept(1);
  }

  /** What is wrong with a point's attributes as a whole (they key its series), or null. */
  private static @Nullable String attributesProblem(List<KeyValue> attributes) {
    Violation count = OtlpBounds.POINT_ATTRIBUTES.check(attributes.size());
    if (count != null) {
      return ".attributes " + count.message();
    }
    for (KeyValue attribute : attributes) {
      Violation key = OtlpBounds.ATTRIBUTE_KEY.check(attribute.getKey());
      if (key != null) {
        return ".attributes key " + key.message();
      }
      AnyValue any = attribute.getValue();
      Violation value = OtlpBounds.ATTRIBUTE_VALUE.check(
          any.getValueCase() == AnyValue.ValueCase.STRING_VALUE ? any.getStringValue() : AttributeText.of(any));
      if (value != null) {
        return ".attributes " + Shown.quoted(attribute.getKey()) + " value " + value.message();
      }
    }
    return null;
  }

  private void freshness(ProductSignals signals, double epochSeconds, Instant observedAt, String where) {
    Bound.Recent bound = bounds.dataTime();
    // Beyond a century either way no valid instant is needed to tell it is out of bounds.
    Instant dataTime = Math.abs(epochSeconds) < 1e11 ? toInstant(epochSeconds) : null;
    Violation violation = dataTime == null
        ? new Violation(epochSeconds > 0 ? Violation.Side.ABOVE : Violation.Side.BELOW,
            "must be " + bound.describe() + ", got " + Shown.number(epochSeconds) + " s")
        : bound.check(dataTime, now);
    if (violation != null) {
      reject(violation.side() == Violation.Side.ABOVE ? RejectReason.FUTURE_TIMESTAMP : RejectReason.INVALID_VALUE,
          where + "data time (epoch seconds " + Shown.number(epochSeconds) + ") " + violation.message(), 1);
      return;
    }
    signals.freshness(observedAt, dataTime);
    tally.accept(1);
  }

  private static Instant toInstant(double epochSeconds) {
    long whole = (long) Math.floor(epochSeconds);
    return Instant.ofEpochSecond(whole, Math.round((epochSeconds - whole) * 1e9));
  }

  /** An unsigned nanosecond timestamp as an instant; every uint64 is one (at most the year 2554). */
  private static Instant instant(long unsignedNanos) {
    return Instant.ofEpochSecond(Long.divideUnsigned(unsignedNanos, NANOS), Long.remainderUnsigned(unsignedNanos, NANOS));
  }

  private void reject(RejectReason reason, String message, long points) {
    tally.reject(reason, message, points);
  }

  private static String shapeMessage(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> "Gauge";
      case SUM -> "Sum";
      case HISTOGRAM -> "Histogram";
      case EXPONENTIAL_HISTOGRAM -> "ExponentialHistogram";
      default -> "Metric";
    };
  }

  private static AggregationTemporality temporality(Metric metric) {
    return switch (metric.getDataCase()) {
      case SUM -> metric.getSum().getAggregationTemporality();
      case HISTOGRAM -> metric.getHistogram().getAggregationTemporality();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getAggregationTemporality();
      default -> AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED;
    };
  }

  private static List<Sample> samples(Metric metric) {
    List<Sample> samples = new ArrayList<>(points(metric));
    switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsList().forEach(p -> samples.add(number(p)));
      case SUM -> metric.getSum().getDataPointsList().forEach(p -> samples.add(number(p)));
      case HISTOGRAM -> metric.getHistogram().getDataPointsList().forEach(p -> samples.add(histogram(p)));
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsList().forEach(p -> samples.add(histogram(p)));
      default -> { }
    }
    return samples;
  }

  private static Sample number(NumberDataPoint p) {
    String problem = null;
    double value = 0;
    switch (p.getValueCase()) {
      case AS_DOUBLE -> {
        value = p.getAsDouble();
        problem = problem(".as_double ", OtlpBounds.VALUE.check(value));
      }
      case AS_INT -> {
        value = p.getAsInt();
        problem = problem(".as_int ", OtlpBounds.COUNT.check(p.getAsInt()));
      }
      case VALUE_NOT_SET -> problem = " has no value (as_double or as_int)";
    }
    return new Sample("NumberDataPoint", p.getAttributesList(), p.getStartTimeUnixNano(), p.getTimeUnixNano(),
        p.getFlags(), Reading.of(problem == null ? value : 0), problem);
  }

  private static Sample histogram(HistogramDataPoint p) {
    return histogram("HistogramDataPoint", p.getAttributesList(), p.getStartTimeUnixNano(), p.getTimeUnixNano(),
        p.getFlags(), p.getCount(), p.hasSum(), p.getSum());
  }

  private static Sample histogram(ExponentialHistogramDataPoint p) {
    return histogram("ExponentialHistogramDataPoint", p.getAttributesList(), p.getStartTimeUnixNano(),
        p.getTimeUnixNano(), p.getFlags(), p.getCount(), p.hasSum(), p.getSum());
  }

  private static Sample histogram(String type, List<KeyValue> attributes, long start, long time, int flags,
      long count, boolean hasSum, double sum) {
    // count is a uint64: read as signed, anything past 2^63 is negative.
    String problem = problem(".count ", OtlpBounds.COUNT.check(count < 0 ? Long.MAX_VALUE : count, Long.toUnsignedString(count)));
    if (problem == null && !hasSum && count > 0) {
      problem = " has no sum";
    } else if (problem == null) {
      problem = problem(".sum ", OtlpBounds.VALUE.check(sum));
    }
    return new Sample(type, attributes, start, time, flags, problem == null ? new Reading(count, sum) : Reading.of(0), problem);
  }

  private static @Nullable String problem(String field, @Nullable Violation violation) {
    return violation == null ? null : field + violation.message();
  }
}
