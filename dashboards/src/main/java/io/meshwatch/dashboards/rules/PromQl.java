package io.meshwatch.dashboards.rules;

import io.meshwatch.model.CollectorMetric;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the pieces of PromQL the rules need. Metric names come only from {@link CollectorMetric},
 * and a selector may only match labels the metric has, so a renamed metric or label breaks the
 * build of the rules instead of silently matching nothing in Prometheus.
 */
final class PromQl {
  private PromQl() {}

  /** {@code name{label="value",...}} with equality matchers, sorted by label. */
  static String selector(CollectorMetric metric, Map<String, String> matchers) {
    StringBuilder out = new StringBuilder(metric.prometheusName()).append('{');
    new TreeMap<>(matchers).forEach((label, value) -> {
      if (!metric.labels().contains(label)) {
        throw new IllegalArgumentException(
            metric.prometheusName() + " has no label '" + label + "', only " + metric.labels());
      }
      out.append(out.charAt(out.length() - 1) == '{' ? "" : ",").append(label).append("=").append(quote(value));
    });
    return out.append('}').toString();
  }

  /** {@code op by (a, b) (inner)}. */
  static String aggregate(String op, List<String> by, String inner) {
    return op + " by (" + String.join(", ", by) + ") (" + inner + ")";
  }

  /** {@code on (a, b)}, for matching vectors label by label. */
  static String on(List<String> labels) {
    return "on (" + String.join(", ", labels) + ")";
  }

  /** A threshold as PromQL reads it: {@code 14.4}, {@code 6}. */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A PromQL string literal. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
