package io.meshwatch.bench;

import io.meshwatch.agent.BatchProfiler;
import io.meshwatch.agent.ColumnProfile;
import io.meshwatch.agent.NumericSummary;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * One pass over a {@link NullableColumn} by each contender, shared by {@link ProfilerBenchmark}
 * (speed) and {@link RetainedHeap} (memory) so both measure exactly the same work. Commons Math has
 * no null mask, so its loops skip the null rows themselves, as a caller would.
 */
final class ProfilerContenders {

  private static final BatchProfiler PROFILER = BatchProfiler.create();

  private ProfilerContenders() {}

  /** Count, nulls, distinct (exact up to 10 000, then HyperLogLog), min, max, mean, sd, P² p50/p95. */
  static ColumnProfile meshwatch(NullableColumn column) {
    return PROFILER.profileDoubles("amount", column.values, column.isNull);
  }

  /** Count, min, max, mean, variance (and sum, sum of squares, sum of logs): no percentiles, no distinct. */
  static SummaryStatistics summaryStatistics(NullableColumn column) {
    SummaryStatistics stats = new SummaryStatistics();
    double[] values = column.values;
    boolean[] isNull = column.isNull;
    for (int i = 0; i < values.length; i++) {
      if (!isNull[i]) {
        stats.addValue(values[i]);
      }
    }
    return stats;
  }

  /** Keeps every non-null value; percentiles are then exact. Call {@link #describe} for the summary. */
  static DescriptiveStatistics descriptiveStatistics(NullableColumn column) {
    DescriptiveStatistics stats = new DescriptiveStatistics();
    double[] values = column.values;
    boolean[] isNull = column.isNull;
    for (int i = 0; i < values.length; i++) {
      if (!isNull[i]) {
        stats.addValue(values[i]);
      }
    }
    return stats;
  }

  /** The numbers the profiler reports, from DescriptiveStatistics (exact percentiles; no distinct count). */
  static NumericSummary describe(DescriptiveStatistics stats) {
    return new NumericSummary(stats.getN(), stats.getMin(), stats.getMax(), stats.getMean(),
        stats.getStandardDeviation(), stats.getPercentile(50), stats.getPercentile(95));
  }
}
