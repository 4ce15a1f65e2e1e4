package io.meshwatch.dashboards.rules;

import java.util.Map;

/** One rule of a {@link RuleGroup}: an {@link AlertingRule} or a {@link RecordingRule}. */
public sealed interface Rule permits AlertingRule, RecordingRule {

  /** The PromQL expression. */
  String expr();

  /** Labels added to (or overriding) those of the result. */
  Map<String, String> labels();
}
