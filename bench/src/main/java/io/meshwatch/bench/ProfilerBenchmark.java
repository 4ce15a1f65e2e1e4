package io.meshwatch.bench;

import io.meshwatch.agent.ColumnProfile;
import io.meshwatch.agent.NumericSummary;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch profiler against Commons Math over the same 10 M doubles with 5 % nulls. One invocation
 * is one pass over the column and counts as {@link NullableColumn#ROWS} operations, so the score
 * (ops/s) reads as rows per second; with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes
 * allocated per row (times 10 M for one pass). Memory retained after a pass is measured by
 * {@link RetainedHeap}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(NullableColumn.ROWS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ProfilerBenchmark {

  private NullableColumn column;

  @Setup(Level.Trial)
  public void setUp() {
    column = NullableColumn.standard();
  }

  @Benchmark
  public ColumnProfile meshwatchProfileDoubles() {
    return ProfilerContenders.meshwatch(column);
  }

  @Benchmark
  public SummaryStatistics commonsSummaryStatistics() {
    return ProfilerContenders.summaryStatistics(column);
  }

  /** Adds the values, then asks for what the profiler reports: min, max, mean, sd, p50, p95. */
  @Benchmark
  public NumericSummary commonsDescriptiveStatistics() {
    return ProfilerContenders.describe(ProfilerContenders.descriptiveStatistics(column));
  }
}
