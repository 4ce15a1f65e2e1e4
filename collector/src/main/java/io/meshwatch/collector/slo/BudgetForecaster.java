package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.SliBucket;
import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
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

  private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();
  private static final int MIN_POINTS = 3;

  private BudgetForecaster() {}

  static BudgetForecast forecast(MeasuredWindow window, long windowTotal, @Nullable Double remaining,
      @Nullable Double hourRate, TrendCache cache) {
    if (remaining == null) {
      return BudgetForecast.NONE;
    }
    if (remaining <= 0) {
      return new BudgetForecast(Duration.ZERO, Duration.ZERO);
    }
    return new BudgetForecast(atCurrentBurn(window, remaining, hourRate), byTrend(window, windowTotal, cache));
  }

  private static @Nullable Duration atCurrentBurn(MeasuredWindow window, double remaining, @Nullable Double hourRate) {
    if (hourRate == null || hourRate <= 0) {
      return null;
    }
    return within(window, remaining / hourRate * window.length().toMillis());
  }

  /**
   * Fits cumulative bad events per bucket end (the burn-down, up to a factor: budget remaining is
   * {@code 1 - bad / (errorBudget * windowTotal)}) and extrapolates to the point where they use the
   * whole budget. The completed buckets' fit comes from {@code cache}; only the current bucket is read.
   */
  private static @Nullable Duration byTrend(MeasuredWindow window, long windowTotal, TrendCache cache) {
    Duration step = SloHistory.defaultStep(window.length());
    long stepMillis = step.toMillis();
    long now = window.now().toEpochMilli();
    long completedEnd = Math.floorDiv(now, stepMillis) * stepMillis;
    long countedStart = window.counted().start().toEpochMilli();
    long resolution = window.series().resolution(window.length()).toMillis();
    TrendCache.Key key = new TrendCache.Key(window.series(), window.spec(), completedEnd,
        -Math.floorDiv(-countedStart, resolution), window.series().version(), offGridMinute(window, now));
    TrendCache.Completed completed = cache.completed(key, () -> completedFit(window, step, countedStart, completedEnd));

    SimpleRegression fit = new SimpleRegression();
    fit.append(completed.fit());
    long bad = completed.bad();
    long from = Math.max(completedEnd, countedStart);
    long until = window.counted().end().toEpochMilli();
    if (from < until) {
      for (SliBucket bucket : window.history(step, new WindowSpan(Instant.ofEpochMilli(from), Instant.ofEpochMilli(until)))) {
        bad += bucket.total() - bucket.good();
        fit.addData(Math.min(bucket.start().toEpochMilli() + stepMillis, now) - completedEnd, bad);
      }
    }
    double slope = fit.getSlope();
    if (fit.getN() < MIN_POINTS || !(slope > 0)) {
      return null;
    }
    double wholeBudget = window.spec().errorBudget() * windowTotal;
    double badNow = fit.getIntercept() + slope * (now - completedEnd);
    double untilExhausted = (wholeBudget - badNow) / slope;
    return untilExhausted <= 0 ? Duration.ZERO : within(window, untilExhausted);
  }

  /**
   * The minute, where an edge the history is cut at (a calendar period's start, an exclusion's ends)
   * lies off the hour grid: which tier answers for such an edge moves as the finer tiers advance.
   * Edges on the hour are answered alike by every tier, and those SLOs keep their fit all hour.
   */
  private static long offGridMinute(MeasuredWindow window, long now) {
    boolean offGrid = window.spec().window() instanceof SloWindow.Calendar && !onTheHour(window.span().start());
    for (Exclusion exclusion : window.spec().exclusions()) {
      offGrid |= !onTheHour(exclusion.span().start()) || !onTheHour(exclusion.span().end());
    }
    return offGrid ? Math.floorDiv(now, 60_000L) : 0;
  }

  private static boolean onTheHour(Instant instant) {
    return Math.floorMod(instant.toEpochMilli(), HOUR_MILLIS) == 0;
  }

  private static TrendCache.Completed completedFit(MeasuredWindow window, Duration step, long countedStart, long completedEnd) {
    SimpleRegression fit = new SimpleRegression();
    long bad = 0;
    if (countedStart < completedEnd) {
      WindowSpan completed = new WindowSpan(Instant.ofEpochMilli(countedStart), Instant.ofEpochMilli(completedEnd));
      for (SliBucket bucket : window.history(step, completed)) {
        bad += bucket.total() - bucket.good();
        fit.addData(bucket.start().plus(step).toEpochMilli() - completedEnd, bad);
      }
    }
    return new TrendCache.Completed(fit, bad);
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
