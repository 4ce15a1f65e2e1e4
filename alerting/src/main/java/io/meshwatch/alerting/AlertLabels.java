package io.meshwatch.alerting;

import io.meshwatch.model.CollectorMetric;

/**
 * Label and annotation names of meshwatch alerts, and their alert names. Product, domain and SLO
 * labels are spelled as on the collector's metrics, so an alert matches the series it is about.
 */
public final class AlertLabels {
  private AlertLabels() {}

  public static final String ALERTNAME = "alertname";
  public static final String PRODUCT = CollectorMetric.Labels.PRODUCT_LABEL;
  public static final String DOMAIN = CollectorMetric.Labels.DOMAIN_LABEL;
  public static final String SLO = CollectorMetric.Labels.SLO_LABEL;
  /** The SLI kind of the SLO, e.g. {@code freshness}. */
  public static final String SLI = "sli";
  /** {@code page} or {@code ticket}. */
  public static final String SEVERITY = "severity";
  /** The owner team from the product's descriptor. */
  public static final String TEAM = "team";

  public static final String SUMMARY = "summary";
  /** Share of the SLO window's error budget left, e.g. {@code 37.5%}. */
  public static final String BUDGET_LEFT = "budget_left";
  /** The burn conditions behind the alert, long/short rate against threshold, e.g. {@code page-1h-5m 15.20/16.00>14.40}. */
  public static final String BURN_RATES = "burn_rates";
  /** The runbook link from the product's descriptor. */
  public static final String RUNBOOK_URL = "runbook_url";
  /** The dashboard link from the product's descriptor. */
  public static final String DASHBOARD_URL = "dashboard_url";
  /** The upstream product whose alert inhibits this one (lineage inhibition); such an alert is a notice, never a page. */
  public static final String INHIBITED_BY = "inhibited_by";

  /** The alert name of both burn-rate conditions; the {@code severity} label tells them apart. */
  public static final String ALERTNAME_BURN_RATE = "MeshwatchErrorBudgetBurn";
  /** The alert name of {@link AlertCondition#SLO_BREACHING}. */
  public static final String ALERTNAME_BREACHING = "MeshwatchSloBreaching";
}
