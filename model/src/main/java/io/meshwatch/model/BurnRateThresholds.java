package io.meshwatch.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Burn-rate factors of the SRE workbook's multi-window multi-burn-rate alerts. A pair of windows
 * burns when both its long and its short window burn strictly faster than the factor; the short
 * window makes the alert stop soon after the burning stops.
 *
 * <ul>
 *   <li>page: 1h and 5m above {@code pageFast}, or 6h and 30m above {@code pageSlow};
 *   <li>ticket: 1d and 2h above {@code ticketFast}, or 3d and 6h above {@code ticketSlow}.
 * </ul>
 */
public record BurnRateThresholds(double pageFast, double pageSlow, double ticketFast, double ticketSlow) {

  /**
   * 14.4, 6, 3 and 1: 2 %, 5 %, 10 % and 10 % of a 30-day budget spent in 1h, 6h, 1d and 3d — the
   * rates of {@link BurnCondition#SRE_WORKBOOK} at a 30-day window.
   */
  public static final BurnRateThresholds SRE_WORKBOOK = new BurnRateThresholds(
      BurnCondition.SRE_WORKBOOK.get(0).burnRateAt30Days(), BurnCondition.SRE_WORKBOOK.get(1).burnRateAt30Days(),
      BurnCondition.SRE_WORKBOOK.get(2).burnRateAt30Days(), BurnCondition.SRE_WORKBOOK.get(3).burnRateAt30Days());

  public BurnRateThresholds {
    positive("pageFast", pageFast);
    positive("pageSlow", pageSlow);
    positive("ticketFast", ticketFast);
    positive("ticketSlow", ticketSlow);
  }

  /** Whether {@code burnRates} call for a page. A window missing from the map is not burning. */
  public boolean pageBurning(Map<BurnWindow, Double> burnRates) {
    return pairBurning(burnRates, BurnWindow.H1, BurnWindow.M5, pageFast)
        || pairBurning(burnRates, BurnWindow.H6, BurnWindow.M30, pageSlow);
  }

  /** Whether {@code burnRates} call for a ticket. A window missing from the map is not burning. */
  public boolean ticketBurning(Map<BurnWindow, Double> burnRates) {
    return pairBurning(burnRates, BurnWindow.D1, BurnWindow.H2, ticketFast)
        || pairBurning(burnRates, BurnWindow.D3, BurnWindow.H6, ticketSlow);
  }

  private static boolean pairBurning(
      Map<BurnWindow, Double> burnRates, BurnWindow longWindow, BurnWindow shortWindow, double factor) {
    return above(burnRates.get(longWindow), factor) && above(burnRates.get(shortWindow), factor);
  }

  // NaN (nothing measured) compares false, so it never burns.
  private static boolean above(@Nullable Double rate, double factor) {
    return rate != null && rate > factor;
  }

  private static void positive(String field, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw new IllegalArgumentException("burn-rate threshold " + field + " must be a positive number, got " + value);
    }
  }
}
