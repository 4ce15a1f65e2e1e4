package io.meshwatch.agent;

/**
 * A HyperLogLog sketch over 64-bit hashes, with Ertl's improved raw estimator ("New cardinality
 * estimation algorithms for HyperLogLog sketches", 2017), which is nearly unbiased from small to
 * large cardinalities without empirical bias tables. The relative standard error is about
 * {@code 1.04 / sqrt(2^precision)}: 0.81 % at precision 14 (16 KiB of registers).
 */
final class HyperLogLog {

  static final int MIN_PRECISION = 4;
  static final int MAX_PRECISION = 18;
  private static final double ALPHA_INF = 1 / (2 * Math.log(2));

  private final int precision;
  private final int q;
  private final byte[] registers;

  HyperLogLog(int precision) {
    if (precision < MIN_PRECISION || precision > MAX_PRECISION) {
      throw new IllegalArgumentException(
          "precision must be in [" + MIN_PRECISION + ", " + MAX_PRECISION + "], got " + precision);
    }
    this.precision = precision;
    this.q = 64 - precision;
    this.registers = new byte[1 << precision];
  }

  /** The relative standard error of the estimate at {@code precision}. */
  static double standardError(int precision) {
    return 1.04 / Math.sqrt(1 << precision);
  }

  /** Adds an already well-mixed 64-bit hash. */
  void add(long hash) {
    int index = (int) (hash >>> q);
    int rank = Math.min(Long.numberOfLeadingZeros(hash << precision), q) + 1;
    if (rank > registers[index]) {
      registers[index] = (byte) rank;
    }
  }

  /** The estimated number of distinct hashes added. */
  long estimate() {
    int m = registers.length;
    int[] histogram = new int[q + 2];
    for (byte register : registers) {
      histogram[register]++;
    }
    double z = m * tau((m - histogram[q + 1]) / (double) m);
    for (int k = q; k >= 1; k--) {
      z = 0.5 * (z + histogram[k]);
    }
    z += m * sigma(histogram[0] / (double) m);
    return Math.round(ALPHA_INF * m * m / z);
  }

  private static double sigma(double x) {
    if (x == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double y = 1;
    double z = x;
    double previous;
    do {
      x *= x;
      previous = z;
      z += x * y;
      y += y;
    } while (previous != z);
    return z;
  }

  private static double tau(double x) {
    if (x == 0 || x == 1) {
      return 0;
    }
    double y = 1;
    double z = 1 - x;
    double previous;
    do {
      x = Math.sqrt(x);
      previous = z;
      y *= 0.5;
      z -= (1 - x) * (1 - x) * y;
    } while (previous != z);
    return z / 3;
  }

  /** Murmur3's 64-bit finalizer: spreads every input bit over the whole hash. */
  static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x;
  }

  /** A 64-bit hash of a column value, consistent with {@link #mix(long)} of a double's bits or a long. */
  static long hash(Object value) {
    if (value instanceof String s) {
      long h = 0xcbf29ce484222325L; // FNV-1a 64: String.hashCode's 32 bits would collide past a few 10^5 values
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * 0x100000001b3L;
      }
      return mix(h);
    }
    if (value instanceof Double || value instanceof Float) {
      return mix(Double.doubleToLongBits(((Number) value).doubleValue()));
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return mix(((Number) value).longValue());
    }
    return mix(value.hashCode());
  }
}
