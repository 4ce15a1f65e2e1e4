package io.meshwatch.dashboards.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Map;

/**
 * A Prometheus alerting rule: {@code alert} fires for each series {@code expr} returns once it has
 * returned it for {@code forDuration}, and keeps firing for {@code keepFiringFor} after it stops.
 * Labels and annotations are kept sorted by name; annotations may use Prometheus' templates.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"alert", "expr", "for", "keep_firing_for", "labels", "annotations"})
public record AlertingRule(
    String alert,
    String expr,
    @JsonProperty("for") @JsonSerialize(using = PromDuration.class) Duration forDuration,
    @JsonProperty("keep_firing_for") @JsonSerialize(using = PromDuration.class) Duration keepFiringFor,
    Map<String, String> labels,
    Map<String, String> annotations)
    implements Rule {

  public AlertingRule {
    RuleNames.label("alert name", alert);
    RuleNames.expr("alert " + alert, expr);
    // PromDuration.format rejects what Prometheus could not read.
    PromDuration.format(forDuration);
    PromDuration.format(keepFiringFor);
    labels = RuleNames.pairs("alert " + alert, "label", labels);
    annotations = RuleNames.pairs("alert " + alert, "annotation", annotations);
  }
}
