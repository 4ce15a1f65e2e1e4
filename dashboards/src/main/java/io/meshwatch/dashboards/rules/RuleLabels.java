package io.meshwatch.dashboards.rules;

/**
 * Alert names, label and annotation names of the generated alerts. They are the ones the collector's
 * own alerting uses ({@code io.meshwatch.alerting.AlertLabels}), so that routes and silences match
 * alerts from either source.
 */
public final class RuleLabels {
  private RuleLabels() {}

  /** Alert names: the collector's for the SLO alerts, and the silent-agent and SLO-error alerts only the rules have. */
  public static final String ALERT_BURN_RATE = "MeshwatchErrorBudgetBurn";
  public static final String ALERT_BREACHING = "MeshwatchSloBreaching";
  public static final String ALERT_AGENT_SILENT = "MeshwatchAgentSilent";
  public static final String ALERT_SLO_ERROR = "MeshwatchSloError";

  static final String SEVERITY = "severity";
  static final String PAGE = "page";
  static final String TICKET = "ticket";
  static final String TEAM = "team";
  static final String SLI = "sli";

  static final String SUMMARY = "summary";
  static final String DESCRIPTION = "description";
  static final String RUNBOOK_URL = "runbook_url";
  static final String DASHBOARD_URL = "dashboard_url";
  /** The burn conditions an alert stands for, e.g. {@code page-1h-5m, page-6h-30m}. */
  static final String CONDITIONS = "conditions";
}
