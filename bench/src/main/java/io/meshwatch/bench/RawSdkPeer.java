package io.meshwatch.bench;

import static io.meshwatch.model.SignalContract.*;

import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.ExemplarFilter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.List;

/**
 * The instruments a hand-written pipeline would create on the raw OpenTelemetry SDK to report what
 * the agent reports, configured as the agent configures its own (agent's {@code Instruments} and
 * {@code MeshAgentBuilder}): same instrument types, units and bucket advice, exemplars off, the same
 * cardinality limit, cumulative temporality. Only the agent's own code (argument checks, the
 * attribute cache, the never-throw guard) is then left between the two sides of a benchmark pair.
 */
final class RawSdkPeer implements AutoCloseable {

  // Mirrors of the agent's package-private constants; keep in step with agent/Instruments and MeshAgentBuilder.
  static final List<Double> READ_SECONDS_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0);
  static final int CARDINALITY_LIMIT = 2 * 1000 + 48;

  final LongCounter qualityChecks;
  final LongCounter qualityRowsChecked;
  final LongCounter qualityRowsFailed;
  final LongHistogram volumeRows;
  final LongCounter usageReads;
  final DoubleHistogram usageReadDuration;
  private final SdkMeterProvider provider;

  RawSdkPeer() {
    provider = SdkMeterProvider.builder()
        .setExemplarFilter(ExemplarFilter.alwaysOff())
        .registerMetricReader(cumulativeReader(), instrumentType -> CARDINALITY_LIMIT)
        .build();
    Meter meter = provider.get("raw-peer");
    qualityChecks = meter.counterBuilder(QUALITY_CHECKS).setUnit(UNIT_CHECKS).build();
    qualityRowsChecked = meter.counterBuilder(QUALITY_ROWS_CHECKED).setUnit(UNIT_ROWS).build();
    qualityRowsFailed = meter.counterBuilder(QUALITY_ROWS_FAILED).setUnit(UNIT_ROWS).build();
    volumeRows = meter.histogramBuilder(VOLUME_ROWS).ofLongs().setUnit(UNIT_ROWS)
        .setExplicitBucketBoundariesAdvice(List.of()).build();
    usageReads = meter.counterBuilder(USAGE_READS).setUnit(UNIT_READS).build();
    usageReadDuration = meter.histogramBuilder(USAGE_READ_DURATION).setUnit(UNIT_SECONDS)
        .setExplicitBucketBoundariesAdvice(READ_SECONDS_BUCKETS).build();
  }

  /** The reader both sides use: in memory, so neither side measures the network; never collected during a run. */
  static InMemoryMetricReader cumulativeReader() {
    return InMemoryMetricReader.builder()
        .setAggregationTemporalitySelector(AggregationTemporalitySelector.alwaysCumulative())
        .build();
  }

  @Override
  public void close() {
    provider.close();
  }
}
