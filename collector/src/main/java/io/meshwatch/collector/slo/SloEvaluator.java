package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.Counts;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.AgentState;
import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.BurnAlert;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one SLO's counts at an instant and derives its status: compliance and error budget over the
 * SLO window less its exclusions, the SLI over the last five minutes, a burn rate for each standard
 * window that has events, each burn condition at the threshold it has for this window's length, and
 * when the budget runs out.
 *
 * <p>The state is {@code no_data} while the SLI cannot be measured (the agent is silent or was never
 * seen, or the window holds no events); the numbers are then those of the counts, which do not grow
 * while nothing is counted, so the budget stands still. It is {@code insufficient_history} while the
 * series' first event is more recent than the SLO's minimum history, and while the baseline of an
 * SLO that learns its threshold has too few samples to judge (its events are not counted then, and
 * the agent is reporting: it is learning, not silent).
 */
final class SloEvaluator {

  static final Duration SLI_WINDOW = Duration.ofMinutes(5);

  private SloEvaluator() {}

  static SloStatus evaluate(ProductId product, SloSpec spec, SliSeries series, AgentState agent, Instant now,
      @Nullable LearnedBaseline baseline, TrendCache trend) {
    double budget = spec.errorBudget();
    MeasuredWindow measured = MeasuredWindow.at(spec, series, now);
    Counts window = measured.window();
    Map<BurnWindow, Double> burnRates = new EnumMap<>(BurnWindow.class);
    for (BurnWindow burn : BurnWindow.values()) {
      Double rate = burnRate(measured.lookBack(burn.duration()), budget);
      if (rate != null) {
        burnRates.put(burn, rate);
      }
    }
    List<BurnAlert> alerts = new ArrayList<>();
    for (BurnCondition condition : spec.burnConditions()) {
      alerts.add(new BurnAlert(condition, condition.burnRate(measured.length()),
          burnRate(measured.lookBack(condition.longWindow()), budget),
          burnRate(measured.lookBack(condition.shortWindow()), budget)));
    }
    Double compliance = window.ratio();
    Double budgetRemaining = window.isEmpty() ? null : 1.0 - badShare(window) / budget;
    BudgetForecast forecast =
        BudgetForecaster.forecast(measured, window.total(), budgetRemaining, burnRates.get(BurnWindow.H1), trend);
    return new SloStatus(product, spec.name(), spec.kind(), spec.objective(),
        state(spec, series, agent, compliance, now, baseline), measured.lookBack(SLI_WINDOW).ratio(), compliance,
        budgetRemaining, burnRates, now, measured.span(), window.good(), window.total(), alerts, forecast, baseline);
  }

  private static SloState state(
      SloSpec spec, SliSeries series, AgentState agent, @Nullable Double compliance, Instant now,
      @Nullable LearnedBaseline baseline) {
    if (agent != AgentState.REPORTING) {
      return SloState.NO_DATA;
    }
    if (baseline != null && !baseline.ready()) {
      return SloState.INSUFFICIENT_HISTORY;
    }
    if (compliance == null) {
      return SloState.NO_DATA;
    }
    Instant first = series.firstEvent();
    if (first == null || Duration.between(first, now).compareTo(spec.minHistory()) < 0) {
      return SloState.INSUFFICIENT_HISTORY;
    }
    return compliance < spec.objective() ? SloState.BREACHING : SloState.HEALTHY;
  }

  /**
   * The status of an SLO whose evaluation failed: state {@code error}, nothing measured (no ratios,
   * events or burn rates), each burn condition unknown. Never throws for a valid spec.
   */
  static SloStatus failed(ProductId product, SloSpec spec, Instant now) {
    WindowSpan window;
    try {
      window = spec.window().spanAt(now);
    } catch (RuntimeException e) {
      // The window itself is what failed: an instant's span stands for it.
      window = new WindowSpan(now, now.plusMillis(1));
    }
    List<BurnAlert> alerts = new ArrayList<>();
    try {
      for (BurnCondition condition : spec.burnConditions()) {
        alerts.add(new BurnAlert(condition, condition.burnRate(window.length()), null, null));
      }
    } catch (RuntimeException e) {
      alerts.clear(); // a threshold that cannot be computed: the conditions are left out, not guessed
    }
    return new SloStatus(product, spec.name(), spec.kind(), spec.objective(), SloState.ERROR, null, null, null,
        Map.of(), now, window, 0, 0, alerts, BudgetForecast.NONE, null);
  }

  /** Bad share over the error budget; {@code null} without events. */
  static @Nullable Double burnRate(Counts counts, double budget) {
    return counts.isEmpty() ? null : badShare(counts) / budget;
  }

  /** 1 − good/total, from the bad count: 10 bad of 100 gives 0.1, where 1 − 0.9 gives 0.0999…98. */
  static double badShare(Counts counts) {
    return (double) (counts.total() - counts.good()) / counts.total();
  }
}
