package io.meshwatch.bench;

import io.meshwatch.agent.ColumnProfile;
import io.meshwatch.agent.NumericSummary;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Heap each contender of {@link ProfilerBenchmark} still holds after one pass over the standard
 * column: live heap after a full GC with the pass's result reachable, minus live heap after a full
 * GC just before the pass. Garbage made during the pass is collected by then, so what remains is
 * what the result object keeps. Run it with {@code -XX:+UseSerialGC}, whose {@code System.gc()} is a
 * full, compacting, stop-the-world collection, so the live-heap figure is exact to a few hundred
 * bytes. Also prints each contender's numbers so a reader can see they summarise the same data.
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -Xmx2g -cp bench/target/benchmarks.jar io.meshwatch.bench.RetainedHeap
 * }</pre>
 */
public final class RetainedHeap {

  private static final int REPEATS = 3;
  /** Results held at once when measuring small results, whose size does not depend on the rows. */
  private static final int HELD = 2_000;
  private static final int SLICE_ROWS = 10_000;

  private RetainedHeap() {}

  public static void main(String[] args) {
    System.out.println("collectors: " + ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).toList());
    NullableColumn column = NullableColumn.standard();
    System.out.printf("column: %,d rows, %,d nulls%n", column.values.length, column.nulls());

    Function<NullableColumn, Object> meshwatch = ProfilerContenders::meshwatch;
    Function<NullableColumn, Object> summary = ProfilerContenders::summaryStatistics;
    Function<NullableColumn, Object> descriptive = c -> {
      DescriptiveStatistics stats = ProfilerContenders.descriptiveStatistics(c);
      ProfilerContenders.describe(stats);
      return stats;
    };
    // One unmeasured pass each first: class loading and static caches must not count as retained.
    describe("meshwatch BatchProfiler", meshwatch.apply(column));
    describe("SummaryStatistics", summary.apply(column));
    describe("DescriptiveStatistics", descriptive.apply(column));

    System.out.println();
    System.out.println("contender\tretained bytes (median of " + REPEATS + ")\tmin\tmax");
    report("meshwatch BatchProfiler", column, meshwatch);
    report("SummaryStatistics", column, summary);
    report("DescriptiveStatistics", column, descriptive);

    // A few hundred bytes drown in the single-pass figure's noise (JIT and class metadata move the
    // live heap by kilobytes). Results whose size does not grow with the rows are measured by
    // holding many of them, each from a pass over a small slice of the same data.
    NullableColumn slice = NullableColumn.generate(SLICE_ROWS, NullableColumn.NULL_SHARE, NullableColumn.SEED);
    System.out.println();
    System.out.println("contender\tretained bytes per result (" + HELD + " results of " + SLICE_ROWS + "-row passes held)");
    reportPerResult("meshwatch BatchProfiler", slice, meshwatch);
    reportPerResult("SummaryStatistics", slice, summary);
    reportPerResult("DescriptiveStatistics", slice, descriptive);
  }

  private static void reportPerResult(String name, NullableColumn slice, Function<NullableColumn, Object> pass) {
    Object[] held = new Object[HELD];
    long before = liveHeap();
    for (int i = 0; i < HELD; i++) {
      held[i] = pass.apply(slice);
    }
    long after = liveHeap();
    Reference.reachabilityFence(held);
    System.out.printf("%s\t%,d%n", name, (after - before) / HELD);
  }

  private static void report(String name, NullableColumn column, Function<NullableColumn, Object> pass) {
    long[] retained = new long[REPEATS];
    for (int i = 0; i < REPEATS; i++) {
      long before = liveHeap();
      Object result = pass.apply(column);
      long after = liveHeap();
      Reference.reachabilityFence(result);
      retained[i] = after - before;
    }
    Arrays.sort(retained);
    System.out.printf("%s\t%,d\t%,d\t%,d%n", name, retained[REPEATS / 2], retained[0], retained[REPEATS - 1]);
  }

  /** Live heap after full collections, repeated until one frees nothing more. */
  static long liveHeap() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    // Repeat until a collection frees nothing more: finalizable and softly reachable leftovers go in later rounds.
    for (int round = 0; round < 10; round++) {
      System.gc();
      long now = runtime.totalMemory() - runtime.freeMemory();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }

  private static void describe(String name, Object result) {
    NumericSummary numbers;
    String extra = "";
    if (result instanceof ColumnProfile profile) {
      numbers = profile.numeric();
      extra = String.format(", nulls %,d, distinct %,d (%s)", profile.nulls(), profile.distinct(),
          profile.distinctExact() ? "exact" : "estimated");
    } else if (result instanceof DescriptiveStatistics stats) {
      numbers = ProfilerContenders.describe(stats);
    } else {
      SummaryStatistics stats = (SummaryStatistics) result;
      System.out.printf("%-24s n %,d, min %.4f, max %.2f, mean %.6f, sd %.6f (no percentiles)%n", name,
          stats.getN(), stats.getMin(), stats.getMax(), stats.getMean(), stats.getStandardDeviation());
      return;
    }
    System.out.printf("%-24s n %,d, min %.4f, max %.2f, mean %.6f, sd %.6f, p50 %.4f, p95 %.4f%s%n", name,
        numbers.count(), numbers.min(), numbers.max(), numbers.mean(), numbers.standardDeviation(),
        numbers.p50(), numbers.p95(), extra);
  }
}
