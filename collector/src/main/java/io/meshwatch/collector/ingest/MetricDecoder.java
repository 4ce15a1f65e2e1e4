package io.meshwatch.collector.ingest;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks the points of one contract metric and adds the good ones, as deltas, to their product's
 * signals. One instance per request: it holds the request's "now".
 */
final class MetricDecoder {

  /** A data point of any shape, its numbers read and checked ({@code problem} set when they are bad). */
  private record Sample(List<KeyValue> attributes, long startNanos, long timeNanos, int flags,
      Reading reading, @Nullable String problem) {}

  /** Epoch seconds up to the year 5138, shown as a date in messages; larger ones as they are. */
  private static final double MAX_READABLE_SECONDS = 1e11;

  private final Instant now;
  private final Duration maxSkew;
  private final long latestNanos;
  private final long earliestNanos;
  private final Duration maxLateness;
  private final CumulativeDeltas cumulative;
  private final RequestTally tally;

  MetricDecoder(Instant now, Duration maxSkew, Duration maxLateness, CumulativeDeltas cumulative, RequestTally tally) {
    this.now = now;
    this.maxSkew = maxSkew;
    Instant latest = now.plus(maxSkew);
    this.latestNanos = Math.multiplyExact(latest.getEpochSecond(), 1_000_000_000L) + latest.getNano();
    Instant earliest = now.minus(maxLateness);
    this.earliestNanos = Math.max(0, Math.multiplyExact(earliest.getEpochSecond(), 1_000_000_000L) + earliest.getNano());
    this.maxLateness = maxLateness;
    this.cumulative = cumulative;
    this.tally = tally;
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
    AggregationTemporality temporality = temporality(metric);
    if (kind.shape() != ContractMetric.Shape.GAUGE && temporality != AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA
        && temporality != AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE) {
      reject(RejectReason.INVALID_VALUE, where + "aggregation temporality must be DELTA or CUMULATIVE, got " + temporality,
          points(metric));
      return;
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
    if (Long.compareUnsigned(sample.timeNanos(), latestNanos) > 0) {
      String time = sample.timeNanos() > 0
          ? Instant.ofEpochSecond(0, sample.timeNanos()).toString()
          : Long.toUnsignedString(sample.timeNanos()) + " ns";
      reject(RejectReason.FUTURE_TIMESTAMP, where + "point time " + time
          + " is in the future, more than " + maxSkew + " after the collector's clock (" + now + ")", 1);
      return;
    }
    // Time 0 means "not set" (observed now); anything else older than the lateness would land in a
    // bucket the SLOs have already judged, or outside them: refuse it rather than acknowledge and drop it.
    if (sample.timeNanos() != 0 && Long.compareUnsigned(sample.timeNanos(), earliestNanos) < 0) {
      reject(RejectReason.TOO_LATE, where + "point time " + Instant.ofEpochSecond(0, sample.timeNanos())
          + " is more than " + maxLateness + " before the collector's clock (" + now + ")", 1);
      return;
    }
    if (sample.problem() != null) {
      reject(RejectReason.INVALID_VALUE, where + sample.problem(), 1);
      return;
    }
    Map<String, AnyValue> attributes = AttributeText.map(sample.attributes());
    PointLabels labels = PointLabels.read(kind, attributes, problem -> reject(RejectReason.INVALID_VALUE, where + problem, 1));
    if (labels == null) {
      return;
    }
    Instant observedAt = sample.timeNanos() == 0 ? now : Instant.ofEpochSecond(0, sample.timeNanos());
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

  private void freshness(ProductSignals signals, double epochSeconds, Instant observedAt, String where) {
    double latestSeconds = latestNanos / 1e9;
    if (epochSeconds > latestSeconds) {
      String text = epochSeconds < MAX_READABLE_SECONDS ? toInstant(epochSeconds) + " (" + epochSeconds + " s)" : epochSeconds + " s";
      reject(RejectReason.FUTURE_TIMESTAMP, where + "data time " + text + " is in the future, more than "
          + maxSkew + " after the collector's clock (" + now + ")", 1);
      return;
    }
    Instant dataTime = toInstant(epochSeconds);
    signals.freshness(observedAt, dataTime);
    tally.accept(1);
  }

  private static Instant toInstant(double epochSeconds) {
    long whole = (long) Math.floor(epochSeconds);
    return Instant.ofEpochSecond(whole, Math.round((epochSeconds - whole) * 1e9));
  }

  private void reject(RejectReason reason, String message, long points) {
    tally.reject(reason, message, points);
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
        problem = Double.isFinite(value) && value >= 0 ? null : "value " + value + " must be a finite number >= 0";
      }
      case AS_INT -> {
        value = p.getAsInt();
        problem = p.getAsInt() >= 0 ? null : "value " + p.getAsInt() + " must be >= 0";
      }
      case VALUE_NOT_SET -> problem = "point has no value (asDouble or asInt)";
    }
    return new Sample(p.getAttributesList(), p.getStartTimeUnixNano(), p.getTimeUnixNano(), p.getFlags(),
        Reading.of(problem == null ? value : 0), problem);
  }

  private static Sample histogram(HistogramDataPoint p) {
    return histogram(p.getAttributesList(), p.getStartTimeUnixNano(), p.getTimeUnixNano(), p.getFlags(),
        p.getCount(), p.hasSum(), p.getSum());
  }

  private static Sample histogram(ExponentialHistogramDataPoint p) {
    return histogram(p.getAttributesList(), p.getStartTimeUnixNano(), p.getTimeUnixNano(), p.getFlags(),
        p.getCount(), p.hasSum(), p.getSum());
  }

  private static Sample histogram(List<KeyValue> attributes, long start, long time, int flags,
      long count, boolean hasSum, double sum) {
    String problem = null;
    if (count < 0) {
      problem = "count " + Long.toUnsignedString(count) + " is out of range";
    } else if (!hasSum && count > 0) {
      problem = "histogram point has no sum";
    } else if (!Double.isFinite(sum) || sum < 0) {
      problem = "sum " + sum + " must be a finite number >= 0";
    }
    return new Sample(attributes, start, time, flags, problem == null ? new Reading(count, sum) : Reading.of(0), problem);
  }
}
