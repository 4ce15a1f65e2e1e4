package io.meshwatch.dashboards.rules;

import io.meshwatch.model.CollectorMetric;
import java.util.Map;

/**
 * Makes an SLO alert neither fire nor resolve while the SLO has no data or the collector failed to
 * evaluate it (state {@code error}), as the collector's alerting does (its budget is frozen then):
 * the condition counts only while neither {@code no_data} nor {@code error} is 1, and while one is, an
 * alert that is already firing holds through Prometheus' own {@code ALERTS} series, which carries the
 * previous evaluation's state. A pending alert is dropped rather than frozen: holding it would let it
 * fire with no data.
 */
final class NoDataHold {
  private NoDataHold() {}

  /**
   * {@code condition unless frozen or (firing and frozen)}, frozen being {@code no_data or error}.
   *
   * @param condition an expression with one series per SLO, labelled by its identity only
   * @param alertLabels the labels telling this alert from others of the SLO (alert name, severity)
   */
  static String wrap(SloRef ref, String condition, Map<String, String> alertLabels) {
    String noData = "(\n" + indent(ref.gauge(CollectorMetric.SLO_NO_DATA) + " == 1\nor\n"
        + ref.gauge(CollectorMetric.SLO_ERROR) + " == 1") + "\n)";
    Map<String, String> matchers = ref.matchers(PromQl.ALERTSTATE, PromQl.FIRING);
    matchers.putAll(alertLabels);
    // ALERTS also carries alertname and alertstate: aggregating them away keeps the alert's identity.
    String firing = PromQl.aggregate("max", SloRef.IDENTITY, PromQl.alerts(matchers));
    return "(\n" + indent(condition) + "\n)\nunless " + PromQl.on(SloRef.IDENTITY) + "\n" + noData
        + "\nor\n(\n" + indent(firing + "\nand " + PromQl.on(SloRef.IDENTITY) + "\n" + noData) + "\n)";
  }

  static String indent(String lines) {
    return "  " + lines.replace("\n", "\n  ");
  }

  static Map<String, String> alert(String name, String severity) {
    return Map.of(PromQl.ALERTNAME, name, RuleLabels.SEVERITY, severity);
  }

  static Map<String, String> alert(String name) {
    return Map.of(PromQl.ALERTNAME, name);
  }
}
