package io.meshwatch.alerting;

import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.BurnAlert;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.AgentState;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds the SLO engine's output for tests. */
final class SloStatuses {
  static final ProductId ORDERS = ProductId.parse("sales.orders");
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private SloStatuses() {}

  /** An SLO whose burn conditions (the SRE workbook's, at 30-day thresholds) are evaluated on {@code burnRates}. */
  static SloStatus slo(String name, SloState state, Map<BurnWindow, Double> burnRates) {
    return new SloStatus(ORDERS, name, SliKind.FRESHNESS, 0.995, state, 0.9, 0.993, 0.375, burnRates, T0,
        new WindowSpan(T0.minus(Duration.ofDays(28)), T0), 993, 1000, burnAlerts(burnRates), BudgetForecast.NONE, null);
  }

  private static List<BurnAlert> burnAlerts(Map<BurnWindow, Double> rates) {
    return BurnCondition.SRE_WORKBOOK.stream()
        .map(c -> new BurnAlert(c, c.burnRateAt30Days(), rates.get(window(c.longWindow())), rates.get(window(c.shortWindow()))))
        .toList();
  }

  private static BurnWindow window(Duration duration) {
    return Arrays.stream(BurnWindow.values()).filter(w -> w.duration().equals(duration)).findFirst().orElseThrow();
  }

  static List<ProductStatus> product(SloStatus... slos) {
    return List.of(new ProductStatus(ORDERS, AgentState.REPORTING, T0, T0, null, List.of(slos), T0));
  }

  /** Burning fast enough to page over 1h/5m, nothing else. */
  static Map<BurnWindow, Double> pageBurn() {
    return Map.of(BurnWindow.H1, 20.0, BurnWindow.M5, 18.0);
  }

  static Map<BurnWindow, Double> calm() {
    return Map.of(BurnWindow.H1, 0.5, BurnWindow.M5, 0.2);
  }
}
