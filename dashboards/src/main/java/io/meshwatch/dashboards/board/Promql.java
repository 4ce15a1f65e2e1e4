package io.meshwatch.dashboards.board;

import java.math.BigDecimal;
import java.util.List;

/** The pieces of PromQL the panels are made of. Rates use Grafana's {@code $__rate_interval}. */
final class Promql {
  /** Grafana's rate window: at least four scrape intervals, so a rate always has two samples. */
  static final String RATE_INTERVAL = "$__rate_interval";

  private Promql() {}

  /** {@code rate(selector[$__rate_interval])}. */
  static String rate(Selector selector) {
    return "rate(" + selector + "[" + RATE_INTERVAL + "])";
  }

  /** {@code op by (a, b) (inner)}, or {@code op(inner)} without labels. */
  static String by(String op, List<String> labels, String inner) {
    return labels.isEmpty() ? op + "(" + inner + ")" : op + " by (" + String.join(", ", labels) + ") (" + inner + ")";
  }

  /**
   * {@code preferred}, and 0 for every label set of {@code all} that {@code preferred} lacks: the
   * count of failed reads is 0, not missing, for a consumer whose reads all succeed. Both sides must
   * carry the same labels.
   */
  static String orZero(String preferred, String all) {
    return "(" + preferred + " or " + all + " * 0)";
  }

  /** The share of {@code all} that {@code part} is, {@code part} falling back to 0 where it has no series. */
  static String share(String part, String all) {
    return orZero(part, all) + " / " + all;
  }

  /** A number as PromQL reads it: {@code 0.995}, {@code 6}. */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
