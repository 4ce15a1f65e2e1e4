package io.meshwatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SLO of one product as evaluated at {@code evaluatedAt}.
 *
 * <p>Ratios are in [0, 1]; they are {@code null} where nothing was measured. {@code sli} is the SLI
 * over the last five minutes, {@code compliance} the SLI over the SLO's window ({@code window}, less
 * its exclusions), {@code errorBudgetRemaining} the share of the window's error budget not yet spent
 * (negative once overspent), {@code burnRates} how fast the budget burns over each standard window
 * (1.0 = exactly on budget), {@code burnAlerts} the SLO's alert conditions as evaluated,
 * {@code goodEvents} and {@code totalEvents} the counts behind compliance (minutes, for freshness),
 * and {@code baseline} what was learned where the SLO declares no threshold.
 *
 * <p>While the state is {@link SloState#NO_DATA} the numbers are those of the frozen budget and
 * consumers must neither fire nor resolve alerts on them; while it is {@link SloState#ERROR} nothing
 * is known (every ratio {@code null}, no events, no burn rates) and the same holds
 * ({@link SloState#judgeable()}).
 */
public record SloStatus(
    ProductId product,
    String slo,
    SliKind kind,
    double objective,
    SloState state,
    @Nullable Double sli,
    @Nullable Double compliance,
    @Nullable Double errorBudgetRemaining,
    Map<BurnWindow, Double> burnRates,
    Instant evaluatedAt,
    WindowSpan window,
    long goodEvents,
    long totalEvents,
    List<BurnAlert> burnAlerts,
    BudgetForecast forecast,
    @Nullable LearnedBaseline baseline) {

  public SloStatus {
    burnRates = Map.copyOf(burnRates);
    burnAlerts = List.copyOf(burnAlerts);
    if (goodEvents < 0 || totalEvents < goodEvents) {
      throw new IllegalArgumentException("needs 0 <= good <= total, got " + goodEvents + " of " + totalEvents);
    }
  }

  /** The share of the error budget spent, {@code 1 - errorBudgetRemaining}; {@code null} when nothing was measured. */
  public @Nullable Double errorBudgetConsumed() {
    return errorBudgetRemaining == null ? null : 1.0 - errorBudgetRemaining;
  }

  /** Whether any burn condition of {@code severity} holds (see {@link #holds}). */
  public boolean burning(Severity severity) {
    return burnAlerts.stream().anyMatch(a -> a.condition().severity() == severity && holds(a));
  }

  /**
   * Whether {@code alert}, one of this SLO's, holds: it burns, and the SLI can be judged (never while
   * no_data or error).
   */
  public boolean holds(BurnAlert alert) {
    return state.judgeable() && alert.burning();
  }
}
