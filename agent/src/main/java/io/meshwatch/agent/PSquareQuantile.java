package io.meshwatch.agent;

/**
 * Estimates one quantile of a stream without storing it, by the P² algorithm (R. Jain and
 * I. Chlamtac, "The P² algorithm for dynamic calculation of quantiles and histograms without
 * storing observations", CACM 28(10), 1985). Five markers track the minimum, the p/2, p and
 * (1+p)/2 quantiles and the maximum; each value moves the markers' positions, and a middle marker
 * that drifts a whole position from where it should be is moved one step, its height following a
 * parabola through its neighbours (or a straight line to one, where the parabola would break their
 * order).
 *
 * <p>The markers live in primitive arrays allocated once, so {@link #add(double)} allocates
 * nothing; Commons Math's {@code PSquarePercentile} allocates on most values, which made it the
 * profiler's whole allocation and most of its time. Up to five values the result is exact, the
 * lower nearest rank {@code sorted[(int) (p * (n - 1))]}, as {@code PSquarePercentile} gives it.
 * Values must be finite. Not thread-safe.
 */
final class PSquareQuantile {

  private static final int MARKERS = 5;

  private final double p;
  /** Marker heights: estimates of the quantiles the markers track; sorted. */
  private final double[] heights = new double[MARKERS];
  /** Marker positions: 1-based ranks among the values so far; whole numbers held as doubles. */
  private final double[] positions = {1, 2, 3, 4, 5};
  /** Where each marker should be: 1 + (n - 1) times its quantile. */
  private final double[] desired;
  /** How far {@link #desired} moves per value. */
  private final double[] increments;
  private long count;

  PSquareQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1), got " + p);
    }
    this.p = p;
    this.desired = new double[] {1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5};
    this.increments = new double[] {0, p / 2, p, (1 + p) / 2, 1};
  }

  void add(double value) {
    if (count < MARKERS) {
      insertSorted(value);
      count++;
      return;
    }
    count++;
    int cell = cellOf(value);
    for (int i = cell + 1; i < MARKERS; i++) {
      positions[i]++;
    }
    for (int i = 1; i < MARKERS; i++) {
      desired[i] += increments[i];
    }
    for (int i = 1; i < MARKERS - 1; i++) {
      adjust(i);
    }
  }

  /** The estimate, exact up to five values; NaN before the first. */
  double result() {
    if (count == 0) {
      return Double.NaN;
    }
    return count > MARKERS ? heights[2] : heights[(int) (p * (count - 1))];
  }

  private void insertSorted(double value) {
    int i = (int) count;
    while (i > 0 && heights[i - 1] > value) {
      heights[i] = heights[i - 1];
      i--;
    }
    heights[i] = value;
  }

  /** The cell {@code k} with {@code heights[k] <= value < heights[k + 1]}, stretching the ends to fit. */
  private int cellOf(double value) {
    if (value < heights[0]) {
      heights[0] = value;
      return 0;
    }
    if (value >= heights[MARKERS - 1]) {
      heights[MARKERS - 1] = value;
      return MARKERS - 2;
    }
    int cell = 0;
    while (value >= heights[cell + 1]) {
      cell++;
    }
    return cell;
  }

  private void adjust(int i) {
    double drift = desired[i] - positions[i];
    if (drift >= 1 && positions[i + 1] - positions[i] > 1 || drift <= -1 && positions[i - 1] - positions[i] < -1) {
      int step = drift > 0 ? 1 : -1;
      double candidate = parabolic(i, step);
      heights[i] = heights[i - 1] < candidate && candidate < heights[i + 1] ? candidate : linear(i, step);
      positions[i] += step;
    }
  }

  private double parabolic(int i, int step) {
    double below = positions[i] - positions[i - 1];
    double above = positions[i + 1] - positions[i];
    return heights[i] + step / (positions[i + 1] - positions[i - 1])
        * ((below + step) * (heights[i + 1] - heights[i]) / above
            + (above - step) * (heights[i] - heights[i - 1]) / below);
  }

  private double linear(int i, int step) {
    return heights[i] + step * (heights[i + step] - heights[i]) / (positions[i + step] - positions[i]);
  }
}
