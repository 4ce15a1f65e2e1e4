package io.meshwatch.dashboards.rules;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.CollectorMetric.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recording rules of one SLO: its gauges without {@code instance} and {@code job} (SLI,
 * compliance, objective, budget left, burn rate per window), and the threshold of each of its burn
 * conditions, which the alerts compare the recorded burn rates against.
 */
final class SloRecordingRules {
  private SloRecordingRules() {}

  static List<RecordingRule> rules(SloRef ref) {
    List<RecordingRule> rules = new ArrayList<>();
    for (RecordedMetric metric : List.of(RecordedMetric.SLO_SLI, RecordedMetric.SLO_COMPLIANCE,
        RecordedMetric.SLO_OBJECTIVE, RecordedMetric.SLO_ERROR_BUDGET_REMAINING, RecordedMetric.SLO_BURN_RATE)) {
      rules.add(new RecordingRule(metric.recordName(),
          PromQl.aggregate("max", metric.labels(), PromQl.selector(metric.source(), ref.matchers())), identity(ref)));
    }
    for (BurnCondition condition : ref.slo().burnConditions()) {
      rules.add(new RecordingRule(RecordedMetric.SLO_BURN_THRESHOLD.recordName(),
          BurnConditionQuery.threshold(ref, condition), threshold(ref, condition)));
    }
    return rules;
  }

  /**
   * The SLO's identity as the rule's labels, as Sloth labels its rules: the expressions give them
   * already, but Prometheus tells rules of one name in a group apart only by their labels (promtool
   * rejects duplicates), and a rolling window's threshold is a bare number that needs them.
   */
  private static Map<String, String> identity(SloRef ref) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(Labels.PRODUCT_LABEL, ref.product().id().toString());
    labels.put(Labels.DOMAIN_LABEL, ref.product().domain());
    labels.put(Labels.SLO_LABEL, ref.slo().name());
    return labels;
  }

  private static Map<String, String> threshold(SloRef ref, BurnCondition condition) {
    Map<String, String> labels = identity(ref);
    labels.put(Labels.CONDITION_LABEL, condition.label());
    return labels;
  }
}
