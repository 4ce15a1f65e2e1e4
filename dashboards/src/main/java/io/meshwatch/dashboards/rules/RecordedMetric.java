package io.meshwatch.dashboards.rules;

import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import java.util.List;

/**
 * The series the generated recording rules store, named {@code level:metric:operation}, with their
 * labels. Per SLO ({@code slo:} level) they are the collector's gauges without the scrape's
 * {@code instance} and {@code job}, plus each burn condition's threshold; per product and domain
 * they are the overview's aggregates. Dashboards query these names through {@link #recordName()}.
 */
public enum RecordedMetric {
  /** The SLI over the last 5 minutes. */
  SLO_SLI("slo:sli:ratio", CollectorMetric.SLO_SLI),
  /** The SLI over the SLO window. */
  SLO_COMPLIANCE("slo:compliance:ratio", CollectorMetric.SLO_COMPLIANCE),
  /** The objective as a ratio. */
  SLO_OBJECTIVE("slo:objective:ratio", CollectorMetric.SLO_OBJECTIVE),
  /** Share of the window's error budget left (negative once overspent). */
  SLO_ERROR_BUDGET_REMAINING("slo:error_budget_remaining:ratio", CollectorMetric.SLO_ERROR_BUDGET_REMAINING),
  /** Burn rate per {@code window}: every standard window and every window of the SLO's conditions. */
  SLO_BURN_RATE("slo:burn_rate:ratio", CollectorMetric.SLO_BURN_RATE,
      List.of(Labels.PRODUCT_LABEL, Labels.DOMAIN_LABEL, Labels.SLO_LABEL, Labels.WINDOW_LABEL)),
  /**
   * The burn rate both windows of {@code condition} (e.g. {@code page-1h-5m}) must exceed: a constant
   * for a rolling window, from the window-seconds gauge for a calendar one.
   */
  SLO_BURN_THRESHOLD("slo:burn_threshold:ratio", CollectorMetric.SLO_WINDOW_SECONDS,
      List.of(Labels.PRODUCT_LABEL, Labels.DOMAIN_LABEL, Labels.SLO_LABEL, Labels.CONDITION_LABEL)),
  /** The worst burn rate of a product's SLOs per window (overview). */
  PRODUCT_WINDOW_BURN_RATE_MAX("product_window:" + CollectorMetric.SLO_BURN_RATE.prometheusName() + ":max",
      CollectorMetric.SLO_BURN_RATE, List.of(Labels.PRODUCT_LABEL, Labels.DOMAIN_LABEL, Labels.WINDOW_LABEL)),
  /** The least budget left of a product's SLOs (overview). */
  PRODUCT_ERROR_BUDGET_REMAINING_MIN("product:" + CollectorMetric.SLO_ERROR_BUDGET_REMAINING.prometheusName() + ":min",
      CollectorMetric.SLO_ERROR_BUDGET_REMAINING, List.of(Labels.PRODUCT_LABEL, Labels.DOMAIN_LABEL)),
  /** The number of breaching SLOs of a domain (overview). */
  DOMAIN_BREACHING_SUM("domain:" + CollectorMetric.SLO_BREACHING.prometheusName() + ":sum",
      CollectorMetric.SLO_BREACHING, List.of(Labels.DOMAIN_LABEL));

  private final String recordName;
  private final CollectorMetric source;
  private final List<String> labels;

  // The collector's labels: only instance and job, which Prometheus' scrape adds, are aggregated away.
  RecordedMetric(String recordName, CollectorMetric source) {
    this(recordName, source, source.labels());
  }

  RecordedMetric(String recordName, CollectorMetric source, List<String> labels) {
    this.recordName = recordName;
    this.source = source;
    this.labels = labels;
  }

  /** The recorded series' name, e.g. {@code slo:burn_rate:ratio}. */
  public String recordName() {
    return recordName;
  }

  /** The collector metric it is computed from. */
  public CollectorMetric source() {
    return source;
  }

  /** The labels of every recorded series, in aggregation order. */
  public List<String> labels() {
    return labels;
  }
}
