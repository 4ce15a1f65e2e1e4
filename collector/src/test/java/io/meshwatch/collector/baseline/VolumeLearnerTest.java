package io.meshwatch.collector.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.meshwatch.model.LearnedBaseline.VolumeBand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class VolumeLearnerTest {

  private static final double LEVEL = 10_000;

  @Test
  void anomalous_sixtyPercentDropIsFlagged() {
    VolumeLearner learner = new VolumeLearner();
    feed(learner, new Random(7), 100, LEVEL, 0.02);

    assertThat(learner.anomalous(LEVEL * 0.4)).isTrue();
    assertThat(learner.anomalous(LEVEL * 1.05)).as("2.5 σ of noise").isFalse();
    assertThat(learner.anomalous(LEVEL * 0.95)).isFalse();
  }

  @Test
  void observe_singleSpikeIsFlaggedButDoesNotMoveTheBand() {
    VolumeLearner learner = new VolumeLearner();
    Random noise = new Random(8);
    feed(learner, noise, 150, LEVEL, 0.02);
    VolumeBand before = learner.band();

    assertThat(learner.anomalous(LEVEL * 10)).isTrue();
    learner.observe(LEVEL * 10);

    VolumeBand after = learner.band();
    assertThat(after.medianRows()).isCloseTo(before.medianRows(), Percentage.withPercentage(1));
    assertThat(after.minRows()).isCloseTo(before.minRows(), Percentage.withPercentage(1));
    assertThat(after.maxRows()).isCloseTo(before.maxRows(), Percentage.withPercentage(1));
    assertThat(learner.anomalous(LEVEL * 0.4)).isTrue();
    assertThat(learner.anomalous(LEVEL)).isFalse();
  }

  @Test
  void observe_slowTrendIsLearned() {
    VolumeLearner learner = new VolumeLearner();
    Random noise = new Random(9);
    int flagged = 0;
    double level = LEVEL;
    // +0.1 % per run for 1 000 runs (×2.7 overall), 1 % noise.
    for (int run = 0; run < 1_000; run++) {
      level = LEVEL * Math.pow(1.001, run);
      double rows = level * (1 + 0.01 * noise.nextGaussian());
      flagged += learner.anomalous(rows) ? 1 : 0;
      learner.observe(rows);
    }
    assertThat(flagged).isZero();
    assertThat(learner.band().medianRows()).isCloseTo(level, Percentage.withPercentage(15));
    assertThat(learner.anomalous(level * 0.4)).isTrue();
  }

  @Test
  void observe_levelShiftIsLearnedAfterTenRuns() {
    VolumeLearner learner = new VolumeLearner();
    Random noise = new Random(10);
    feed(learner, noise, 100, LEVEL, 0.02);
    int flagged = 0;
    for (int run = 0; run < VolumeLearner.LEVEL_SHIFT_RUNS; run++) {
      double rows = LEVEL * 0.4 * (1 + 0.02 * noise.nextGaussian());
      flagged += learner.anomalous(rows) ? 1 : 0;
      learner.observe(rows);
    }
    assertThat(flagged).isEqualTo(VolumeLearner.LEVEL_SHIFT_RUNS);
    assertThat(learner.band().samples()).isEqualTo(VolumeLearner.LEVEL_SHIFT_RUNS);
    assertThat(learner.band().medianRows()).isCloseTo(LEVEL * 0.4, Percentage.withPercentage(5));
    assertThat(learner.anomalous(LEVEL * 0.4)).isFalse();
    assertThat(learner.anomalous(LEVEL)).isTrue();
  }

  @Test
  void anomalous_falseBeforeMinimumHistory() {
    VolumeLearner learner = new VolumeLearner();
    for (int run = 0; run < VolumeLearner.MIN_RUNS - 1; run++) {
      learner.observe(LEVEL);
    }
    assertThat(learner.band().ready()).isFalse();
    assertThat(learner.anomalous(0)).isFalse();

    learner.observe(LEVEL);
    assertThat(learner.band().ready()).isTrue();
    assertThat(learner.anomalous(0)).isTrue();
  }

  @Test
  void band_constantHistoryStillToleratesSmallNoise() {
    VolumeLearner large = new VolumeLearner();
    VolumeLearner small = new VolumeLearner();
    for (int run = 0; run < 50; run++) {
      large.observe(1_000);
      small.observe(3);
    }
    assertThat(large.band()).isEqualTo(new VolumeBand(1_000, 0, 990, 1_010, 50, VolumeLearner.MIN_RUNS));
    assertThat(large.anomalous(1_005)).isFalse();
    assertThat(large.anomalous(1_020)).isTrue();
    assertThat(small.band().minRows()).isCloseTo(2, within(1e-9));
    assertThat(small.band().maxRows()).isCloseTo(4, within(1e-9));
  }

  @Test
  void observe_ignoresInvalidCounts() {
    VolumeLearner learner = new VolumeLearner();
    learner.observe(Double.NaN);
    learner.observe(-5);
    learner.observe(Double.POSITIVE_INFINITY);
    learner.observe(12);
    assertThat(learner.band().samples()).isEqualTo(1);
    assertThat(learner.band().medianRows()).isEqualTo(12);
  }

  @Test
  void observe_keepsFixedMemoryAfterTenThousandRuns() throws IOException {
    VolumeLearner learner = new VolumeLearner();
    feed(learner, new Random(12), 10_000, LEVEL, 0.02);
    assertThat(learner.windowLength()).isEqualTo(VolumeLearner.WINDOW);
    assertThat(learner.band().samples()).isEqualTo(VolumeLearner.WINDOW);
    assertThat(bytes(learner)).hasSizeLessThan(1_700);
  }

  @Test
  void readFrom_restoresWhatWriteToWrote() throws IOException {
    VolumeLearner learner = new VolumeLearner();
    Random noise = new Random(13);
    feed(learner, noise, 250, LEVEL, 0.02);
    learner.observe(LEVEL * 0.3);
    learner.observe(LEVEL * 0.3);

    byte[] written = bytes(learner);
    VolumeLearner read = VolumeLearner.readFrom(new DataInputStream(new ByteArrayInputStream(written)));

    assertThat(bytes(read)).isEqualTo(written);
    assertThat(read.band()).isEqualTo(learner.band());
    // The streak of low runs survives too: both relearn the low level on the same run.
    for (int run = 0; run < VolumeLearner.LEVEL_SHIFT_RUNS - 2; run++) {
      learner.observe(LEVEL * 0.3);
      read.observe(LEVEL * 0.3);
    }
    assertThat(read.band()).isEqualTo(learner.band());
    assertThat(read.band().samples()).isEqualTo(VolumeLearner.LEVEL_SHIFT_RUNS);
  }

  @Test
  void readFrom_rejectsAnUnknownVersion() {
    byte[] written = {2, 0, 0, 0, 0, 0, 0};
    assertThatThrownBy(() -> VolumeLearner.readFrom(new DataInputStream(new ByteArrayInputStream(written))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 2");
  }

  private static void feed(VolumeLearner learner, Random noise, int runs, double level, double sigma) {
    for (int run = 0; run < runs; run++) {
      learner.observe(level * (1 + sigma * noise.nextGaussian()));
    }
  }

  private static byte[] bytes(VolumeLearner learner) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    learner.writeTo(new DataOutputStream(buffer));
    return buffer.toByteArray();
  }
}
