package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.rules.PromQl;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PromQL selector of one metric: the collector's (named by {@link CollectorMetric}) or Prometheus'
 * own {@code ALERTS}. A matcher may only name a label the metric has, so a renamed label breaks the
 * build instead of silently matching nothing. Immutable; matchers are written sorted by label.
 */
final class Selector {
  /** Prometheus' series of the alerts its rules hold, labelled as the generated rules label them. */
  static final String ALERTS = "ALERTS";
  static final String ALERT_STATE = "alertstate";
  static final String ALERT_NAME = "alertname";
  private static final List<String> ALERT_LABELS = List.of(ALERT_NAME, ALERT_STATE, Labels.PRODUCT_LABEL,
      Labels.DOMAIN_LABEL, Labels.SLO_LABEL, Labels.SEVERITY_LABEL);

  private final String metric;
  private final List<String> labels;
  private final TreeMap<String, String> matchers;

  private Selector(String metric, List<String> labels, TreeMap<String, String> matchers) {
    this.metric = metric;
    this.labels = labels;
    this.matchers = matchers;
  }

  static Selector of(CollectorMetric metric) {
    return new Selector(metric.prometheusName(), metric.labels(), new TreeMap<>());
  }

  /** {@code ALERTS{alertstate="firing"}}: the alerts Prometheus' rules are firing. */
  static Selector firingAlerts() {
    return new Selector(ALERTS, ALERT_LABELS, new TreeMap<>()).eq(ALERT_STATE, LabelValues.FIRING);
  }

  /** This selector and {@code label="value"}. */
  Selector eq(String label, String value) {
    return with(label, "=" + PromQl.quote(value));
  }

  /** This selector and {@code label=~"regex"}. */
  Selector re(String label, String regex) {
    return with(label, "=~" + PromQl.quote(regex));
  }

  /** This selector and every matcher of {@code scope}. */
  Selector in(Scope scope) {
    Selector out = this;
    for (Map.Entry<String, String> m : scope.matchers().entrySet()) {
      out = out.with(m.getKey(), m.getValue());
    }
    return out;
  }

  String metric() {
    return metric;
  }

  private Selector with(String label, String matcher) {
    if (!labels.contains(label)) {
      throw new IllegalArgumentException(metric + " has no label '" + label + "', only " + labels);
    }
    TreeMap<String, String> more = new TreeMap<>(matchers);
    more.put(label, matcher);
    return new Selector(metric, labels, more);
  }

  @Override
  public String toString() {
    if (matchers.isEmpty()) {
      return metric;
    }
    StringBuilder out = new StringBuilder(metric).append('{');
    matchers.forEach((label, matcher) -> out.append(out.charAt(out.length() - 1) == '{' ? "" : ", ")
        .append(label).append(matcher));
    return out.append('}').toString();
  }
}
