package io.meshwatch.alerting;

import io.meshwatch.model.BurnRateThresholds;
import io.meshwatch.model.Severity;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;

/** What an SLO alert is about. Each SLO has one alert per condition, told apart by its fingerprint. */
public enum AlertCondition {
  /** The error budget burns fast enough to page (1h/5m or 6h/30m). */
  BURN_RATE_PAGE("burn_rate_page", AlertLabels.ALERTNAME_BURN_RATE, Severity.PAGE),
  /** The error budget burns fast enough for a ticket (1d/2h or 3d/6h). */
  BURN_RATE_TICKET("burn_rate_ticket", AlertLabels.ALERTNAME_BURN_RATE, Severity.TICKET),
  /** Compliance over the SLO window is below the objective. */
  SLO_BREACHING("slo_breaching", AlertLabels.ALERTNAME_BREACHING, Severity.TICKET);

  // Part of the fingerprint: renaming the constant must not change the identity of alerts.
  private final String key;
  private final String alertName;
  private final Severity severity;

  AlertCondition(String key, String alertName, Severity severity) {
    this.key = key;
    this.alertName = alertName;
    this.severity = severity;
  }

  /** The stable name of the condition, e.g. {@code burn_rate_page}. */
  public String key() {
    return key;
  }

  /** The value of the {@code alertname} label. */
  public String alertName() {
    return alertName;
  }

  public Severity severity() {
    return severity;
  }

  boolean holds(SloStatus status, BurnRateThresholds thresholds) {
    return switch (this) {
      case BURN_RATE_PAGE -> thresholds.pageBurning(status.burnRates());
      case BURN_RATE_TICKET -> thresholds.ticketBurning(status.burnRates());
      case SLO_BREACHING -> status.state() == SloState.BREACHING;
    };
  }
}
