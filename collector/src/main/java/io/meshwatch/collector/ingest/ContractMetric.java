package io.meshwatch.collector.ingest;

import io.meshwatch.model.SignalContract;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The OTLP instruments of {@link SignalContract} and the shape each must have. */
enum ContractMetric {
  FRESHNESS_DATA_TIME(SignalContract.FRESHNESS_DATA_TIME, Shape.GAUGE),
  QUALITY_CHECKS(SignalContract.QUALITY_CHECKS, Shape.SUM),
  QUALITY_ROWS_CHECKED(SignalContract.QUALITY_ROWS_CHECKED, Shape.SUM),
  QUALITY_ROWS_FAILED(SignalContract.QUALITY_ROWS_FAILED, Shape.SUM),
  VOLUME_ROWS(SignalContract.VOLUME_ROWS, Shape.HISTOGRAM),
  USAGE_READS(SignalContract.USAGE_READS, Shape.SUM),
  USAGE_READ_DURATION(SignalContract.USAGE_READ_DURATION, Shape.HISTOGRAM),
  RUNS(SignalContract.RUNS, Shape.SUM),
  RUN_DURATION(SignalContract.RUN_DURATION, Shape.HISTOGRAM),
  AGENT_HEARTBEAT(SignalContract.AGENT_HEARTBEAT, Shape.GAUGE);

  /** What kind of OTLP metric an instrument arrives as. */
  enum Shape {
    GAUGE("a gauge"),
    SUM("a sum (counter)"),
    HISTOGRAM("a histogram");

    private final String description;

    Shape(String description) {
      this.description = description;
    }

    boolean matches(Metric metric) {
      return switch (metric.getDataCase()) {
        case GAUGE -> this == GAUGE;
        case SUM -> this == SUM;
        case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> this == HISTOGRAM;
        default -> false;
      };
    }

    String description() {
      return description;
    }
  }

  private static final Map<String, ContractMetric> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ContractMetric::metricName, Function.identity()));

  private final String metricName;
  private final Shape shape;

  ContractMetric(String metricName, Shape shape) {
    this.metricName = metricName;
    this.shape = shape;
  }

  /** The contract instrument called {@code name}, or {@code null} for any other metric (ignored). */
  static @Nullable ContractMetric named(String name) {
    return BY_NAME.get(name);
  }

  String metricName() {
    return metricName;
  }

  Shape shape() {
    return shape;
  }
}
