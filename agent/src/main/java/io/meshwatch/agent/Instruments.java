package io.meshwatch.agent;

import static io.meshwatch.model.SignalContract.*;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import java.util.List;

/**
 * The agent's instruments, named, typed and unit-ed exactly as {@link io.meshwatch.model.SignalContract}
 * says, built once per agent. Reporters copy the instruments they record on into their own final
 * fields, so a recording call does not pass through this object.
 */
final class Instruments {

  /** Read latencies, in seconds: from a cached lookup to a slow warehouse query. */
  static final List<Double> READ_SECONDS_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);
  /** Run durations, in seconds: from a one-second micro-batch to a day-long backfill. */
  static final List<Double> RUN_SECONDS_BUCKETS =
      List.of(1.0, 10.0, 30.0, 60.0, 300.0, 600.0, 1800.0, 3600.0, 7200.0, 14400.0, 28800.0, 86400.0);

  static final AttributeKey<String> CHECK = AttributeKey.stringKey(ATTR_CHECK);
  static final AttributeKey<String> CONSUMER = AttributeKey.stringKey(ATTR_CONSUMER);
  static final Attributes RUN_SUCCEEDED_ATTRIBUTES = Attributes.of(AttributeKey.stringKey(ATTR_RUN_STATUS), RUN_SUCCEEDED);
  static final Attributes RUN_FAILED_ATTRIBUTES = Attributes.of(AttributeKey.stringKey(ATTR_RUN_STATUS), RUN_FAILED);

  final DoubleGauge freshnessDataTime;
  final LongCounter qualityChecks;
  final LongCounter qualityRowsChecked;
  final LongCounter qualityRowsFailed;
  final LongHistogram volumeRows;
  final LongCounter usageReads;
  final DoubleHistogram usageReadDuration;
  final LongCounter runs;
  final DoubleHistogram runDuration;
  final ObservableLongGauge heartbeat;

  Instruments(Meter meter) {
    freshnessDataTime = meter.gaugeBuilder(FRESHNESS_DATA_TIME)
        .setDescription("Epoch seconds of the newest event time the product's data covers")
        .setUnit(UNIT_SECONDS).build();
    qualityChecks = meter.counterBuilder(QUALITY_CHECKS)
        .setDescription("Quality check outcomes").setUnit(UNIT_CHECKS).build();
    qualityRowsChecked = meter.counterBuilder(QUALITY_ROWS_CHECKED)
        .setDescription("Rows a quality check looked at").setUnit(UNIT_ROWS).build();
    qualityRowsFailed = meter.counterBuilder(QUALITY_ROWS_FAILED)
        .setDescription("Rows a quality check found bad").setUnit(UNIT_ROWS).build();
    // The collector reads only count and sum: one bucket keeps each export small.
    volumeRows = meter.histogramBuilder(VOLUME_ROWS).ofLongs()
        .setDescription("Rows written, one measurement per run").setUnit(UNIT_ROWS)
        .setExplicitBucketBoundariesAdvice(List.of()).build();
    usageReads = meter.counterBuilder(USAGE_READS)
        .setDescription("Consumer reads of the product").setUnit(UNIT_READS).build();
    usageReadDuration = meter.histogramBuilder(USAGE_READ_DURATION)
        .setDescription("Read latency as the consumer saw it").setUnit(UNIT_SECONDS)
        .setExplicitBucketBoundariesAdvice(READ_SECONDS_BUCKETS).build();
    runs = meter.counterBuilder(RUNS)
        .setDescription("Pipeline runs that ended").setUnit(UNIT_RUNS).build();
    runDuration = meter.histogramBuilder(RUN_DURATION)
        .setDescription("Pipeline run duration").setUnit(UNIT_SECONDS)
        .setExplicitBucketBoundariesAdvice(RUN_SECONDS_BUCKETS).build();
    heartbeat = meter.gaugeBuilder(AGENT_HEARTBEAT).ofLongs()
        .setDescription("Always 1: the agent is alive").setUnit(UNIT_ONE)
        .buildWithCallback(measurement -> measurement.record(1));
  }
}
