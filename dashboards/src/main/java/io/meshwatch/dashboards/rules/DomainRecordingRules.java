package io.meshwatch.dashboards.rules;

import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import java.util.List;
import java.util.Map;

/**
 * Recording rules per domain for overview panels, named {@code level:metric:operation}: the worst
 * burn rate per product and window, the least budget left per product, and the number of breaching
 * SLOs per domain.
 */
final class DomainRecordingRules {
  private DomainRecordingRules() {}

  static List<RecordingRule> rules(String domain) {
    Map<String, String> inDomain = Map.of(Labels.DOMAIN_LABEL, domain);
    return List.of(
        record(List.of(Labels.PRODUCT_LABEL, Labels.DOMAIN_LABEL, Labels.WINDOW_LABEL), "product_window",
            CollectorMetric.SLO_BURN_RATE, "max", inDomain),
        record(List.of(Labels.PRODUCT_LABEL, Labels.DOMAIN_LABEL), "product",
            CollectorMetric.SLO_ERROR_BUDGET_REMAINING, "min", inDomain),
        record(List.of(Labels.DOMAIN_LABEL), "domain", CollectorMetric.SLO_BREACHING, "sum", inDomain));
  }

  private static RecordingRule record(
      List<String> by, String level, CollectorMetric metric, String op, Map<String, String> matchers) {
    return new RecordingRule(level + ":" + metric.prometheusName() + ":" + op,
        PromQl.aggregate(op, by, PromQl.selector(metric, matchers)), Map.of());
  }
}
