package io.meshwatch.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SLO of one product as evaluated at {@code evaluatedAt}.
 *
 * <p>Ratios are in [0, 1]; they are {@code null} where nothing was measured. {@code sli} is the SLI
 * over the last five minutes, {@code compliance} the SLI over the SLO's whole window,
 * {@code errorBudgetRemaining} the share of the window's error budget not yet spent (negative once
 * overspent), and {@code burnRates} how fast the budget burns over each window (1.0 = exactly
 * on budget).
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
    Instant evaluatedAt) {

  public SloStatus {
    burnRates = Map.copyOf(burnRates);
  }
}
