package io.meshwatch.dashboards.rules;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.CollectorMetric.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
          PromQl.aggregate("max", metric.labels(), PromQl.selector(metric.source(), ref.matchers())), Map.of()));
    }
    for (BurnCondition condition : ref.slo().burnConditions()) {
      rules.add(new RecordingRule(RecordedMetric.SLO_BURN_THRESHOLD.recordName(),
          BurnConditionQuery.threshold(ref, condition), thresholdLabels(ref, condition)));
    }
    return rules;
  }

  // A rolling window's threshold is a bare number: the rule's labels give it the SLO's identity.
  private static Map<String, String> thresholdLabels(SloRef ref, BurnCondition condition) {
    return BurnConditionQuery.isConstant(ref)
        ? Map.of(Labels.PRODUCT_LABEL, ref.product().id().toString(), Labels.DOMAIN_LABEL, ref.product().domain(),
            Labels.SLO_LABEL, ref.slo().name(), Labels.CONDITION_LABEL, condition.label())
        : Map.of(Labels.CONDITION_LABEL, condition.label());
  }
}
