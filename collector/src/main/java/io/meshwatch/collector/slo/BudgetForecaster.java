package io.meshwatch.collector.slo;

import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.jspecify.annotations.Nullable;

/**
 * When the error budget runs out. At the current burn: the budget left divided by the last hour's
 * burn rate, in window lengths (a burn rate of 1 spends one whole budget per window). By trend: the
 * least-squares line through the window's burn-down ({@link BurnDown}), extrapolated to zero; it
 * sees a burn that speeds up or slows down over the window, which the last hour alone does not.
 * Either is {@code null} when the budget would last past the window (for a calendar window, past the
 * period's end), and zero once it is spent.
 */
final class BudgetForecaster {

  static final Duration LONG_STEP = Duration.ofHours(1);
  static final Duration SHORT_STEP = Duration.ofMinutes(5);
  private static final Duration SHORT_WINDOW = Duration.ofDays(3);
  private static final int MIN_POINTS = 3;

  private BudgetForecaster() {}

  /** The step of the burn-down the trend is fitted to: hours for windows over three days, else 5m. */
  static Duration trendStep(Duration windowLength) {
    return windowLength.compareTo(SHORT_WINDOW) > 0 ? LONG_STEP : SHORT_STEP;
  }

  static BudgetForecast forecast(
      MeasuredWindow window, long windowTotal, @Nullable Double remaining, @Nullable Double hourRate) {
    if (remaining == null) {
      return BudgetForecast.NONE;
    }
    if (remaining <= 0) {
      return new BudgetForecast(Duration.ZERO, Duration.ZERO);
    }
    return new BudgetForecast(atCurrentBurn(window, remaining, hourRate), byTrend(window, windowTotal));
  }

  private static @Nullable Duration atCurrentBurn(MeasuredWindow window, double remaining, @Nullable Double hourRate) {
    if (hourRate == null || hourRate <= 0) {
      return null;
    }
    return within(window, remaining / hourRate * window.length().toMillis());
  }

  private static @Nullable Duration byTrend(MeasuredWindow window, long windowTotal) {
    Duration step = trendStep(window.length());
    Instant now = window.now();
    List<BurnDown.Point> points = BurnDown.of(window.history(step), step, now, window.spec().errorBudget(), windowTotal);
    if (points.size() < MIN_POINTS) {
      return null;
    }
    SimpleRegression regression = new SimpleRegression();
    for (BurnDown.Point point : points) {
      // Milliseconds before now, so that the intercept is the fitted budget left now.
      regression.addData(-Duration.between(point.at(), now).toMillis(), point.budgetRemaining());
    }
    double slope = regression.getSlope();
    if (!(slope < 0)) {
      return null;
    }
    double untilZero = -regression.getIntercept() / slope;
    return untilZero <= 0 ? Duration.ZERO : within(window, untilZero);
  }

  private static @Nullable Duration within(MeasuredWindow window, double millis) {
    if (!(millis <= window.length().toMillis())) {
      return null;
    }
    Duration until = Duration.ofMillis(Math.round(millis));
    if (window.spec().window() instanceof SloWindow.Calendar
        && window.now().plus(until).isAfter(window.span().end())) {
      return null;
    }
    return until;
  }
}
