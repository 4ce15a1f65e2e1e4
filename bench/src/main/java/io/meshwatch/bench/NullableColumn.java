package io.meshwatch.bench;

import java.util.SplittableRandom;

/**
 * A column of doubles with a null mask, as a pipeline holds one batch column-wise: log-normal
 * values (order amounts around 55, a long right tail) with a given share of nulls, from a seed so
 * every run and every contender sees the same data.
 */
final class NullableColumn {

  static final int ROWS = 10_000_000;
  static final double NULL_SHARE = 0.05;
  static final long SEED = 20_240_501L;

  final double[] values;
  final boolean[] isNull;

  private NullableColumn(double[] values, boolean[] isNull) {
    this.values = values;
    this.isNull = isNull;
  }

  /** The benchmark's column: {@link #ROWS} rows, {@link #NULL_SHARE} of them null, seeded with {@link #SEED}. */
  static NullableColumn standard() {
    return generate(ROWS, NULL_SHARE, SEED);
  }

  static NullableColumn generate(int rows, double nullShare, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[rows];
    boolean[] isNull = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      if (random.nextDouble() < nullShare) {
        isNull[i] = true;
      } else {
        values[i] = Math.exp(4.0 + 0.8 * random.nextGaussian());
      }
    }
    return new NullableColumn(values, isNull);
  }

  long nulls() {
    long nulls = 0;
    for (boolean isNullRow : isNull) {
      if (isNullRow) {
        nulls++;
      }
    }
    return nulls;
  }
}
