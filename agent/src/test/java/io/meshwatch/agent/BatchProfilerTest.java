package io.meshwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchProfilerTest {

  /** 3 % is 3.7 standard errors at precision 14: a seeded run that fails it means a real bias. */
  private static final Percentage HLL_BOUND = Percentage.withPercentage(3);

  private final BatchProfiler profiler = BatchProfiler.create();

  @Test
  void profileDoubles_nullCountAndRateAreExact() {
    Random rng = new Random(42);
    int n = 100_000;
    double[] values = new double[n];
    boolean[] isNull = new boolean[n];
    long nulls = 0;
    for (int i = 0; i < n; i++) {
      values[i] = rng.nextGaussian();
      isNull[i] = rng.nextDouble() < 0.05;
      nulls += isNull[i] ? 1 : 0;
    }

    ColumnProfile column = profiler.profileDoubles("amount", values, isNull);

    assertThat(column.rows()).isEqualTo(n);
    assertThat(column.nulls()).isEqualTo(nulls);
    assertThat(column.nullRate()).isEqualTo((double) nulls / n);
    assertThat(column.numeric().count()).isEqualTo(n - nulls);
  }

  @Test
  void profileDoubles_meanAndStandardDeviationMatchATwoPassReference() {
    Random rng = new Random(7);
    int n = 200_000;
    double[] values = new double[n];
    boolean[] isNull = new boolean[n];
    for (int i = 0; i < n; i++) {
      // A large offset is where a naive sum of squares loses its digits.
      values[i] = 1e6 + 250 * rng.nextGaussian();
      isNull[i] = rng.nextInt(20) == 0;
    }
    double[] present = java.util.stream.IntStream.range(0, n).filter(i -> !isNull[i]).mapToDouble(i -> values[i]).toArray();
    double mean = Arrays.stream(present).sum() / present.length;
    double squares = Arrays.stream(present).map(v -> (v - mean) * (v - mean)).sum();
    double sd = Math.sqrt(squares / (present.length - 1));

    NumericSummary summary = profiler.profileDoubles("amount", values, isNull).numeric();

    assertThat(summary.mean()).isCloseTo(mean, Percentage.withPercentage(1e-7));
    assertThat(summary.standardDeviation()).isCloseTo(sd, Percentage.withPercentage(1e-7));
    assertThat(summary.min()).isEqualTo(Arrays.stream(present).min().orElseThrow());
    assertThat(summary.max()).isEqualTo(Arrays.stream(present).max().orElseThrow());
  }

  @Test
  void profileDoubles_percentilesApproximateTheTrueQuantiles() {
    Random rng = new Random(11);
    double[] values = rng.doubles(100_000).toArray();

    NumericSummary summary = profiler.profileDoubles("score", values, null).numeric();

    assertThat(summary.p50()).isCloseTo(0.50, within(0.01));
    assertThat(summary.p95()).isCloseTo(0.95, within(0.01));
  }

  @Test
  void profileDoublesAndLongs_allocateNothingPerValue() {
    // The same 1 000 distinct values in both sizes, so the exact distinct set grows alike.
    double[] small = java.util.stream.IntStream.range(0, 10_000).mapToDouble(i -> i % 1_000).toArray();
    double[] large = java.util.stream.IntStream.range(0, 1_000_000).mapToDouble(i -> i % 1_000).toArray();
    boolean[] smallNulls = everyTwentieth(small.length);
    boolean[] largeNulls = everyTwentieth(large.length);
    long[] smallLongs = Arrays.stream(small).mapToLong(v -> (long) v).toArray();
    long[] largeLongs = Arrays.stream(large).mapToLong(v -> (long) v).toArray();
    profiler.profileDoubles("warm-up", small, smallNulls);
    profiler.profileLongs("warm-up", smallLongs, smallNulls);

    long doubles10k = ThreadAllocation.bytesAllocatedBy(() -> profiler.profileDoubles("amount", small, smallNulls));
    long doubles1m = ThreadAllocation.bytesAllocatedBy(() -> profiler.profileDoubles("amount", large, largeNulls));
    long longs10k = ThreadAllocation.bytesAllocatedBy(() -> profiler.profileLongs("qty", smallLongs, smallNulls));
    long longs1m = ThreadAllocation.bytesAllocatedBy(() -> profiler.profileLongs("qty", largeLongs, largeNulls));

    // 990 000 more rows, not one byte more each (the old Commons Math P² allocated ~180 B per value).
    assertThat(doubles1m - doubles10k).isLessThan(1_024);
    assertThat(longs1m - longs10k).isLessThan(1_024);
  }

  @Test
  void profileDoubles_distinctIsExactUnderTheBound() {
    Random rng = new Random(3);
    double[] values = new double[50_000];
    Set<Double> reference = new HashSet<>();
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextInt(BatchProfiler.DEFAULT_EXACT_DISTINCT_LIMIT) / 4.0;
      reference.add(values[i]);
    }
    values[0] = 0.0; // the zero key lives outside the open-addressing table

    ColumnProfile column = profiler.profileDoubles("price", values, null);

    reference.add(0.0);
    assertThat(column.distinctExact()).isTrue();
    assertThat(column.distinct()).isEqualTo(reference.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {10_001, 30_000, 60_000, 250_000, 1_000_000})
  void profileDoubles_distinctAboveTheBoundIsEstimatedWithinThreePercent(int cardinality) {
    Random rng = new Random(cardinality);
    double[] pool = rng.doubles(cardinality).toArray();
    double[] values = new double[cardinality * 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = pool[i < cardinality ? i : rng.nextInt(cardinality)];
    }
    long truth = Arrays.stream(pool).distinct().count();

    ColumnProfile column = profiler.profileDoubles("amount", values, null);

    assertThat(column.distinctExact()).isFalse();
    assertThat(column.distinct()).isCloseTo(truth, HLL_BOUND);
  }

  @Test
  void profileDoubles_nonFiniteValuesCountAsValuesButStayOutOfTheSummary() {
    ColumnProfile column = profiler.profileDoubles("ratio",
        new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY, Double.NaN}, null);

    assertThat(column.nulls()).isZero();
    assertThat(column.distinct()).isEqualTo(4);
    assertThat(column.numeric().count()).isEqualTo(2);
    assertThat(column.numeric().mean()).isEqualTo(2);
  }

  @Test
  void profileDoubles_allNullHasNoSummaryAndNullRateOne() {
    ColumnProfile column = profiler.profileDoubles("ratio", new double[3], new boolean[] {true, true, true});

    assertThat(column.numeric()).isNull();
    assertThat(column.nullRate()).isEqualTo(1.0);
    assertThat(column.distinct()).isZero();
  }

  @Test
  void profileDoubles_nullMaskOfTheWrongLengthIsRejected() {
    assertThatThrownBy(() -> profiler.profileDoubles("amount", new double[3], new boolean[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount").hasMessageContaining("2 entries for 3 values");
  }

  @Test
  void profileLongs_countsDistinctAndSummarises() {
    ColumnProfile column = profiler.profileLongs("qty", new long[] {5, 0, 5, -2, 9}, new boolean[] {false, false, false, false, true});

    assertThat(column.distinct()).isEqualTo(3);
    assertThat(column.nulls()).isEqualTo(1);
    assertThat(column.numeric()).isEqualTo(new NumericSummary(4, -2, 5, 2, Math.sqrt(38.0 / 3), 0, 5));
  }

  @Test
  void profile_mapRowsTreatMissingKeysAsNullsAndKeepFirstSeenOrder() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("id", 3L);
    withNull.put("email", null);
    List<Map<String, ?>> rows = new ArrayList<>();
    rows.add(Map.of("id", 1L, "email", "a@x.io"));
    rows.add(Map.of("id", 2L, "email", "b@x.io", "note", "vip"));
    rows.add(withNull);
    rows.add(null);

    BatchProfile profile = profiler.profile(rows);

    assertThat(profile.rows()).isEqualTo(4);
    assertThat(profile.columns()).extracting(ColumnProfile::name).containsExactlyInAnyOrder("id", "email", "note");
    assertThat(profile.columns().get(2).name()).isEqualTo("note");
    ColumnProfile id = profile.column("id").orElseThrow();
    assertThat(id.nulls()).isEqualTo(1);
    assertThat(id.numeric().mean()).isEqualTo(2);
    ColumnProfile email = profile.column("email").orElseThrow();
    assertThat(email.nulls()).isEqualTo(2);
    assertThat(email.distinct()).isEqualTo(2);
    assertThat(email.numeric()).isNull();
    assertThat(profile.column("note").orElseThrow().nullRate()).isEqualTo(0.75);
  }

  @Test
  void profile_mixedNumbersAndTextIsNotNumeric() {
    BatchProfile profile = profiler.profile(List.of(Map.of("code", 1), Map.of("code", "A1")));

    assertThat(profile.column("code").orElseThrow().numeric()).isNull();
  }

  @Test
  void profileValues_stringsAboveTheBoundAreEstimatedWithinThreePercent() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 80_000; i++) {
      values.add("user-" + i + "@example.com");
    }
    values.add(null);

    ColumnProfile column = profiler.profileValues("email", values);

    assertThat(column.distinctExact()).isFalse();
    assertThat(column.distinct()).isCloseTo(80_000L, HLL_BOUND);
    assertThat(column.nulls()).isEqualTo(1);
  }

  @Test
  void builder_zeroExactLimitAlwaysEstimates() {
    BatchProfiler estimating = BatchProfiler.builder().exactDistinctLimit(0).build();

    ColumnProfile column = estimating.profileLongs("id", new long[] {1, 2, 3}, null);

    assertThat(column.distinctExact()).isFalse();
    assertThat(column.distinct()).isEqualTo(3);
  }

  @Test
  void builder_rejectsOutOfRangeSettings() {
    assertThatThrownBy(() -> BatchProfiler.builder().exactDistinctLimit(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactDistinctLimit").hasMessageContaining("-1");
    assertThatThrownBy(() -> BatchProfiler.builder().precision(20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("precision").hasMessageContaining("20");
  }

  private static boolean[] everyTwentieth(int rows) {
    boolean[] isNull = new boolean[rows];
    for (int i = 0; i < rows; i += 20) {
      isNull[i] = true;
    }
    return isNull;
  }
}
