package io.meshwatch.dashboards.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A Prometheus recording rule: stores the result of {@code expr} as the series {@code record},
 * named {@code level:metric:operations} by Prometheus' convention.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"record", "expr", "labels"})
public record RecordingRule(String record, String expr, Map<String, String> labels) implements Rule {

  public RecordingRule {
    RuleNames.metric("recorded metric name", record);
    RuleNames.expr("recording rule " + record, expr);
    labels = RuleNames.pairs("recording rule " + record, "label", labels);
  }
}
