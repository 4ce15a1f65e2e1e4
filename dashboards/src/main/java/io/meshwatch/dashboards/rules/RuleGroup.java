package io.meshwatch.dashboards.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rules Prometheus evaluates together, in order, every {@code interval} (the global evaluation
 * interval when null). Recording rules placed first are visible to the alerts after them in the
 * same evaluation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "interval", "rules"})
public record RuleGroup(
    String name, @JsonSerialize(using = PromDuration.class) @Nullable Duration interval, List<Rule> rules) {

  public RuleGroup {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("rule group needs a name");
    }
    if (interval != null && (interval.isZero() || interval.isNegative())) {
      throw new IllegalArgumentException("rule group " + name + " interval must be positive, got " + interval);
    }
    if (interval != null) {
      PromDuration.format(interval);
    }
    rules = RuleNames.nonEmpty("rule group " + name, "rules", rules);
  }
}
