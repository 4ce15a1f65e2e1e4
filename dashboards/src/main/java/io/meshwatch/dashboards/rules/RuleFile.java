package io.meshwatch.dashboards.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A Prometheus rule file: named groups of rules, as {@code rule_files:} loads them. */
public record RuleFile(List<RuleGroup> groups) {

  public RuleFile {
    groups = RuleNames.nonEmpty("rule file", "groups", groups);
    Set<String> names = new HashSet<>();
    for (RuleGroup group : groups) {
      if (!names.add(group.name())) {
        throw new IllegalArgumentException("rule file has two groups named " + group.name());
      }
    }
  }

  /** The file as Prometheus reads it, with a header saying it is generated. */
  public String toYaml() {
    return RuleFileYaml.write(this);
  }
}
