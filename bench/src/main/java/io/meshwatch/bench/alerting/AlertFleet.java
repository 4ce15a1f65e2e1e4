package io.meshwatch.bench.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts a round posts, as an SLO engine raises them: per product four SLOs, per SLO three
 * conditions (a paging and a ticket burn-rate alert, and the SLO breaching), so that each
 * {@code (product, slo)} group holds three alerts, one of them paging. Products are spread over five
 * domains, two of which the tree's domain route takes. Deterministic; {@code prefix} keeps the
 * warm-up's alerts apart from the measured ones.
 */
final class AlertFleet {
  static final List<String> DOMAINS = List.of("sales", "finance", "ops", "marketing", "logistics");
  static final List<String> SLIS = List.of("freshness", "quality", "availability", "latency");
  static final int PER_PRODUCT = SLIS.size() * 3;

  private AlertFleet() {}

  /** One alert to post: its labels and its identity at the sink. */
  record LoadAlert(String key, Map<String, String> labels, String summary) {}

  /** {@code count} alerts, whole groups of three (a partial product at the end is cut short). */
  static List<LoadAlert> of(String prefix, int count) {
    List<LoadAlert> alerts = new ArrayList<>(count);
    for (int product = 0; alerts.size() < count; product++) {
      String domain = DOMAINS.get(product % DOMAINS.size());
      String productId = domain + "." + prefix + product;
      String team = "team-" + domain + "-" + (product % 7);
      for (String sli : SLIS) {
        String slo = sli + "-99";
        add(alerts, count, productId, domain, slo, sli, team, "MeshwatchErrorBudgetBurn", "page");
        add(alerts, count, productId, domain, slo, sli, team, "MeshwatchErrorBudgetBurn", "ticket");
        add(alerts, count, productId, domain, slo, sli, team, "MeshwatchSloBreaching", "ticket");
      }
    }
    return alerts;
  }

  private static void add(List<LoadAlert> alerts, int count, String product, String domain, String slo,
      String sli, String team, String alertname, String severity) {
    if (alerts.size() == count) {
      return;
    }
    Map<String, String> labels = new TreeMap<>();
    labels.put("alertname", alertname);
    labels.put("product", product);
    labels.put("domain", domain);
    labels.put("slo", slo);
    labels.put("sli", sli);
    labels.put("severity", severity);
    labels.put("team", team);
    String summary = product + ": SLO " + slo + ("page".equals(severity)
        ? " is burning its error budget fast (page)"
        : "MeshwatchSloBreaching".equals(alertname) ? " is below its objective" : " is burning its error budget steadily (ticket)");
    alerts.add(new LoadAlert(key(labels), labels, summary));
  }

  /** The identity of an alert by its labels, the same at the load and at the sink. */
  static String key(Map<String, String> labels) {
    StringBuilder key = new StringBuilder(96);
    new TreeMap<>(labels).forEach((name, value) -> key.append(name).append('=').append(value).append(','));
    return key.toString();
  }
}
