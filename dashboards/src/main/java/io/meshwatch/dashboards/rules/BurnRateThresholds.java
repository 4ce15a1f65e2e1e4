package io.meshwatch.dashboards.rules;

/**
 * Burn-rate factors of the SRE workbook's multi-window multi-burn-rate alerts: page when 1h and 5m
 * burn above {@code pageFast} or 6h and 30m above {@code pageSlow}; ticket when 1d and 2h burn above
 * {@code ticketFast} or 3d and 6h above {@code ticketSlow}. The same defaults as the collector's own
 * alerting, so that both page for the same things.
 */
public record BurnRateThresholds(double pageFast, double pageSlow, double ticketFast, double ticketSlow) {

  /** 14.4, 6, 3 and 1. */
  public static final BurnRateThresholds SRE_WORKBOOK = new BurnRateThresholds(14.4, 6, 3, 1);

  public BurnRateThresholds {
    positive("pageFast", pageFast);
    positive("pageSlow", pageSlow);
    positive("ticketFast", ticketFast);
    positive("ticketSlow", ticketSlow);
  }

  private static void positive(String field, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw new IllegalArgumentException("burn-rate threshold " + field + " must be a positive number, got " + value);
    }
  }
}
