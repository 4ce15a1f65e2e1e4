package io.meshwatch.alerting;

import io.meshwatch.model.Severity;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;

/** What an SLO alert is about. Each SLO has one alert per condition, told apart by its fingerprint. */
public enum AlertCondition {
  /** One of the SLO's page burn conditions holds (by default 1h/5m or 6h/30m). */
  BURN_RATE_PAGE("burn_rate_page", AlertLabels.ALERTNAME_BURN_RATE, Severity.PAGE),
  /** One of the SLO's ticket burn conditions holds (by default 1d/2h or 3d/6h). */
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

  /**
   * Whether the condition holds on {@code status}, which must be judgeable: not {@link SloState#NO_DATA}
   * nor {@link SloState#ERROR} (see {@link #judgeable}).
   */
  boolean holds(SloStatus status) {
    return switch (this) {
      case BURN_RATE_PAGE -> status.burning(Severity.PAGE);
      case BURN_RATE_TICKET -> status.burning(Severity.TICKET);
      case SLO_BREACHING -> status.state() == SloState.BREACHING;
    };
  }

  /**
   * Whether {@code status} can fire or resolve alerts at all: while no data arrives, or while the SLO
   * could not be evaluated, the budget is frozen, and an alert neither starts nor ends on a frozen budget.
   */
  static boolean judgeable(SloStatus status) {
    return status.state().judgeable();
  }
}
