package io.meshwatch.dashboards.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Checks names as Prometheus does, so a bad rule fails when built, not when Prometheus loads it. */
final class RuleNames {
  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private RuleNames() {}

  static String metric(String what, String name) {
    if (name == null || !METRIC.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " must match " + METRIC.pattern() + ", got '" + name + "'");
    }
    return name;
  }

  static String label(String what, String name) {
    if (name == null || !LABEL.matcher(name).matches() || name.startsWith("__")) {
      throw new IllegalArgumentException(
          what + " must match " + LABEL.pattern() + " and not start with __, got '" + name + "'");
    }
    return name;
  }

  static String expr(String owner, String expr) {
    if (expr == null || expr.isBlank()) {
      throw new IllegalArgumentException(owner + " needs an expression");
    }
    return expr;
  }

  /** A sorted, unmodifiable copy whose names are valid label names. */
  static SortedMap<String, String> pairs(String owner, String kind, Map<String, String> pairs) {
    SortedMap<String, String> sorted = new TreeMap<>();
    pairs.forEach((name, value) -> {
      label(owner + " " + kind + " name", name);
      if (value == null) {
        throw new IllegalArgumentException(owner + " " + kind + " '" + name + "' has no value");
      }
      sorted.put(name, value);
    });
    return Collections.unmodifiableSortedMap(sorted);
  }

  static <T> List<T> nonEmpty(String owner, String what, List<T> items) {
    List<T> copy = List.copyOf(items);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(owner + " has no " + what);
    }
    return copy;
  }
}
