package io.meshwatch.dashboards.rules;

import io.meshwatch.model.CollectorMetric.Labels;
import java.util.List;
import java.util.Map;

/**
 * Recording rules per domain for the overview's panels: the worst burn rate per product and window,
 * the least budget left per product, and the number of breaching SLOs per domain.
 */
final class DomainRecordingRules {
  private DomainRecordingRules() {}

  static List<RecordingRule> rules(String domain) {
    Map<String, String> inDomain = Map.of(Labels.DOMAIN_LABEL, domain);
    return List.of(
        record(RecordedMetric.PRODUCT_WINDOW_BURN_RATE_MAX, "max", inDomain),
        record(RecordedMetric.PRODUCT_ERROR_BUDGET_REMAINING_MIN, "min", inDomain),
        record(RecordedMetric.DOMAIN_BREACHING_SUM, "sum", inDomain));
  }

  private static RecordingRule record(RecordedMetric metric, String op, Map<String, String> matchers) {
    return new RecordingRule(metric.recordName(),
        PromQl.aggregate(op, metric.labels(), PromQl.selector(metric.source(), matchers)), Map.of());
  }
}
