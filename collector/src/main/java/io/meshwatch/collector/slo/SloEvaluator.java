package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.Counts;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one SLO's counts at an instant and derives its status: compliance and error budget over the
 * SLO window, the SLI over the last five minutes, and a burn rate for each window that has events.
 */
final class SloEvaluator {

  static final Duration SLI_WINDOW = Duration.ofMinutes(5);

  private SloEvaluator() {}

  static SloStatus evaluate(ProductId product, SloSpec spec, SliSeries series, Instant now) {
    double budget = spec.errorBudget();
    Counts window = series.counts(spec.window().longest(), now);
    Map<BurnWindow, Double> burnRates = new EnumMap<>(BurnWindow.class);
    for (BurnWindow burn : BurnWindow.values()) {
      Counts counts = series.counts(burn.duration(), now);
      if (!counts.isEmpty()) {
        burnRates.put(burn, badShare(counts) / budget);
      }
    }
    Double compliance = window.ratio();
    Double budgetRemaining = window.isEmpty() ? null : 1.0 - badShare(window) / budget;
    SloState state;
    if (compliance == null) {
      state = SloState.NO_DATA;
    } else {
      state = compliance < spec.objective() ? SloState.BREACHING : SloState.HEALTHY;
    }
    return new SloStatus(product, spec.name(), spec.kind(), spec.objective(), state,
        series.counts(SLI_WINDOW, now).ratio(), compliance, budgetRemaining, burnRates, now,
        spec.window().spanAt(now), window.good(), window.total(), List.of(), BudgetForecast.NONE, null);
  }

  /** 1 − good/total, from the bad count: 10 bad of 100 gives 0.1, where 1 − 0.9 gives 0.0999…98. */
  private static double badShare(Counts counts) {
    return (double) (counts.total() - counts.good()) / counts.total();
  }
}
