package io.meshwatch.dashboards.rules;

import io.meshwatch.model.CollectorMetric;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds the pieces of PromQL the rules need. Metric names come only from {@link CollectorMetric},
 * and a selector may only match labels the metric has, so a renamed metric or label breaks the
 * build of the rules instead of silently matching nothing in Prometheus.
 */
public final class PromQl {
  private PromQl() {}

  /**
   * The series Prometheus writes for every pending and firing alert, with the alert's labels plus
   * {@code alertname} and {@code alertstate}. Prometheus' own name, not the collector's.
   */
  static final String ALERTS = "ALERTS";
  static final String ALERTNAME = "alertname";
  static final String ALERTSTATE = "alertstate";
  static final String FIRING = "firing";

  /** {@code name{label="value",...}} with equality matchers, sorted by label. */
  static String selector(CollectorMetric metric, Map<String, String> matchers) {
    return selector(metric.prometheusName(), metric.labels(), matchers);
  }

  /** A selector of a recorded series. */
  static String selector(RecordedMetric metric, Map<String, String> matchers) {
    return selector(metric.recordName(), metric.labels(), matchers);
  }

  /** A selector of {@link #ALERTS}, which may match any label an alert has. */
  static String alerts(Map<String, String> matchers) {
    return selector(ALERTS, null, matchers);
  }

  private static String selector(String name, @Nullable List<String> labels, Map<String, String> matchers) {
    StringBuilder out = new StringBuilder(name).append('{');
    new TreeMap<>(matchers).forEach((label, value) -> {
      if (labels != null && !labels.contains(label)) {
        throw new IllegalArgumentException(name + " has no label '" + label + "', only " + labels);
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

  /**
   * A threshold as PromQL reads it: {@code 14.4}, {@code 6}. The shortest decimal that reads back as
   * the same double, so PromQL compares against exactly the value the collector compares against.
   */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A PromQL string literal; Grafana variables such as {@code $domain} pass through as they are. */
  public static String quote(String value) {
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
