package io.meshwatch.collector.baseline;

import io.meshwatch.model.LearnedBaseline.VolumeBand;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Learns the usual rows per run of a product and says when a run's volume is anomalous.
 *
 * <p>The band is the median ± {@value #K} scaled MADs (MAD × 1.4826, a standard deviation for
 * normal noise) of the last {@value #WINDOW} runs, widened by (1 + 10 / runs) while the history is
 * short (the MAD of a dozen runs is itself uncertain by a third), and at least ± max(1 % of the
 * median, 1 row) so that a perfectly constant history still tolerates small noise. Every run enters the history, anomalies
 * too: the median and MAD ignore anything under half the window, so a single spike (or a short burst)
 * does not move the band, and keeping it means the history is never biased towards what was already
 * believed. A real level shift is learned quickly: after {@value #LEVEL_SHIFT_RUNS} consecutive runs
 * outside the band on the same side, the history restarts from those runs. Nothing is judged before
 * {@value #MIN_RUNS} runs. Not thread-safe.
 *
 * <pre>{@code
 * VolumeLearner volume = new VolumeLearner();
 * boolean odd = volume.anomalous(rows);  // judge first, against the history before this run
 * volume.observe(rows);
 * }</pre>
 */
public final class VolumeLearner {

  static final int WINDOW = 200;
  static final int MIN_RUNS = 10;
  static final double K = 4.0;
  static final double MAD_TO_SIGMA = 1.4826;
  static final double MIN_RELATIVE_WIDTH = 0.01;
  static final double MIN_ROWS_WIDTH = 1.0;
  static final int LEVEL_SHIFT_RUNS = 10;
  /** The band is widened by (1 + this / runs): the MAD of a few runs is itself uncertain. */
  static final double SMALL_HISTORY_WIDENING = 10;
  private static final byte VERSION = 1;

  private final double[] runs = new double[WINDOW];
  private int oldest;
  private int size;
  /** Consecutive runs outside the band: positive above it, negative below. */
  private int streak;
  private @Nullable VolumeBand band;

  /** Records the rows written by one run; negative, NaN or infinite counts are ignored. */
  public void observe(double rowsPerRun) {
    if (!Double.isFinite(rowsPerRun) || rowsPerRun < 0) {
      return;
    }
    VolumeBand current = band();
    if (!current.ready() || current.contains(rowsPerRun)) {
      streak = 0;
    } else if (rowsPerRun > current.maxRows()) {
      streak = streak > 0 ? streak + 1 : 1;
    } else {
      streak = streak < 0 ? streak - 1 : -1;
    }
    if (size == WINDOW) {
      runs[oldest] = rowsPerRun;
      oldest = (oldest + 1) % WINDOW;
    } else {
      runs[(oldest + size) % WINDOW] = rowsPerRun;
      size++;
    }
    if (Math.abs(streak) >= LEVEL_SHIFT_RUNS) {
      keepLatest(LEVEL_SHIFT_RUNS);
      streak = 0;
    }
    band = null;
  }

  /** Whether {@code rows} lies outside the learned band; false until {@value #MIN_RUNS} runs. */
  public boolean anomalous(double rows) {
    VolumeBand current = band();
    return current.ready() && !current.contains(rows);
  }

  /** The learned band; {@code samples} counts the runs in the history (at most {@value #WINDOW}). */
  public VolumeBand band() {
    VolumeBand current = band;
    if (current == null) {
      current = computeBand();
      band = current;
    }
    return current;
  }

  private VolumeBand computeBand() {
    if (size == 0) {
      return new VolumeBand(0, 0, 0, 0, 0, MIN_RUNS);
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = runs[(oldest + i) % WINDOW];
    }
    Arrays.sort(values);
    double median = median(values);
    for (int i = 0; i < size; i++) {
      values[i] = Math.abs(values[i] - median);
    }
    Arrays.sort(values);
    double sigma = MAD_TO_SIGMA * median(values);
    double widening = 1 + SMALL_HISTORY_WIDENING / size;
    double halfWidth = Math.max(K * sigma * widening, Math.max(MIN_RELATIVE_WIDTH * median, MIN_ROWS_WIDTH));
    return new VolumeBand(median, sigma, median - halfWidth, median + halfWidth, size, MIN_RUNS);
  }

  private static double median(double[] sorted) {
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private void keepLatest(int count) {
    double[] latest = new double[count];
    for (int i = 0; i < count; i++) {
      latest[i] = runs[(oldest + size - count + i) % WINDOW];
    }
    System.arraycopy(latest, 0, runs, 0, count);
    oldest = 0;
    size = count;
  }

  /** Writes the learner in a compact versioned form (at most about 1.6 KiB). */
  public void writeTo(DataOutput out) throws IOException {
    out.writeByte(VERSION);
    out.writeInt(streak);
    out.writeShort(size);
    for (int i = 0; i < size; i++) {
      out.writeDouble(runs[(oldest + i) % WINDOW]);
    }
  }

  /** Reads a learner written by {@link #writeTo}; a bad version or content fails with the reason. */
  public static VolumeLearner readFrom(DataInput in) throws IOException {
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IOException("unsupported volume baseline version " + version + ", expected " + VERSION);
    }
    VolumeLearner learner = new VolumeLearner();
    learner.streak = in.readInt();
    int size = in.readUnsignedShort();
    if (size > WINDOW || Math.abs(learner.streak) >= LEVEL_SHIFT_RUNS) {
      throw new IOException("volume baseline holds " + size + " runs and a streak of " + learner.streak);
    }
    for (int i = 0; i < size; i++) {
      double rows = in.readDouble();
      if (!Double.isFinite(rows) || rows < 0) {
        throw new IOException("volume baseline holds an invalid run of " + rows + " rows at " + i);
      }
      learner.runs[i] = rows;
    }
    learner.size = size;
    return learner;
  }

  /** Memory use check for tests: the number of runs the history can hold. */
  int windowLength() {
    return runs.length;
  }
}
