package io.meshwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HyperLogLogTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 100, 1_000, 10_000, 40_000, 100_000, 2_000_000})
  void estimate_sequentialKeysWithinThreePercent(int cardinality) {
    HyperLogLog sketch = new HyperLogLog(14);
    for (long key = 0; key < cardinality; key++) {
      sketch.add(HyperLogLog.mix(key));
      sketch.add(HyperLogLog.mix(key)); // duplicates change nothing
    }

    assertThat(sketch.estimate()).isCloseTo(cardinality, Percentage.withPercentage(3));
  }

  @Test
  void estimate_emptyIsZero() {
    assertThat(new HyperLogLog(14).estimate()).isZero();
  }

  @Test
  void estimate_errorAcrossSeedsMatchesTheStatedStandardError() {
    int runs = 30;
    int cardinality = 50_000;
    double sumOfSquares = 0;
    Random rng = new Random(5);
    for (int run = 0; run < runs; run++) {
      HyperLogLog sketch = new HyperLogLog(12);
      for (int i = 0; i < cardinality; i++) {
        sketch.add(HyperLogLog.mix(rng.nextLong()));
      }
      double relative = (sketch.estimate() - cardinality) / (double) cardinality;
      sumOfSquares += relative * relative;
    }

    // Observed RMS error of 30 runs lies well within a factor 1.5 of 1.04/sqrt(m).
    assertThat(Math.sqrt(sumOfSquares / runs)).isLessThan(1.5 * HyperLogLog.standardError(12));
  }

  @Test
  void standardError_isAboutEightTenthsOfAPercentAtPrecision14() {
    assertThat(HyperLogLog.standardError(14)).isCloseTo(0.008125, within(1e-6));
  }

  @Test
  void hash_equalStringsHashEquallyAndDoublesMatchTheirBits() {
    assertThat(HyperLogLog.hash(new String("abc"))).isEqualTo(HyperLogLog.hash("abc"));
    assertThat(HyperLogLog.hash("abc")).isNotEqualTo(HyperLogLog.hash("abd"));
    assertThat(HyperLogLog.hash(2.5)).isEqualTo(HyperLogLog.mix(Double.doubleToLongBits(2.5)));
  }
}
