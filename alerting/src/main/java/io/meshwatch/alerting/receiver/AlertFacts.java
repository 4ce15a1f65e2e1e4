package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertLabels;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Notification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the on-call reads about one alert, in the same order in every human-facing receiver (Slack,
 * e-mail, PagerDuty links): the summary, a list of facts and the links to act on. Missing labels and
 * annotations are left out rather than shown empty.
 */
final class AlertFacts {
  private AlertFacts() {}

  static String summary(Alert alert) {
    String summary = alert.annotations().get(AlertLabels.SUMMARY);
    return summary != null && !summary.isBlank() ? summary : alertName(alert) + " " + alert.product() + " " + alert.slo();
  }

  static String alertName(Alert alert) {
    return alert.labels().getOrDefault(AlertLabels.ALERTNAME, alert.condition().alertName());
  }

  static String domain(Alert alert) {
    return alert.labels().getOrDefault(AlertLabels.DOMAIN, alert.product().domain());
  }

  static @Nullable String sli(Alert alert) {
    return alert.labels().get(AlertLabels.SLI);
  }

  static @Nullable String inhibitedBy(Alert alert) {
    return alert.annotations().get(AlertLabels.INHIBITED_BY);
  }

  /** {@code Firing}, {@code Resolved} or {@code Acknowledged}. */
  static String stateWord(Alert alert, Notification.Purpose purpose) {
    if (alert.state() == AlertState.RESOLVED) {
      return "Resolved";
    }
    return purpose == Notification.Purpose.ACKNOWLEDGE ? "Acknowledged" : "Firing";
  }

  /** Fact name to value, e.g. {@code Budget left -> 37.5%}, in display order. */
  static Map<String, String> facts(Alert alert) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Product", alert.product().toString());
    facts.put("Domain", domain(alert));
    putIfPresent(facts, "Owner team", alert.labels().get(AlertLabels.TEAM));
    facts.put("Severity", alert.labels().getOrDefault(AlertLabels.SEVERITY, alert.severity().label()));
    facts.put("SLO", alert.slo());
    putIfPresent(facts, "Budget left", alert.annotations().get(AlertLabels.BUDGET_LEFT));
    putIfPresent(facts, "Burn rates", alert.annotations().get(AlertLabels.BURN_RATES));
    if (alert.startsAt() != null) {
      facts.put("Started at", alert.startsAt().toString());
    }
    if (alert.state() == AlertState.RESOLVED && alert.endsAt() != null) {
      facts.put("Resolved at", alert.endsAt().toString());
    }
    putIfPresent(facts, "Caused by", inhibitedBy(alert));
    return facts;
  }

  /** The runbook and dashboard links the alert carries, by title. */
  static List<Link> links(Alert alert) {
    List<Link> links = new ArrayList<>(2);
    String runbook = alert.annotations().get(AlertLabels.RUNBOOK_URL);
    if (runbook != null && !runbook.isBlank()) {
      links.add(new Link("Runbook", runbook));
    }
    String dashboard = alert.annotations().get(AlertLabels.DASHBOARD_URL);
    if (dashboard != null && !dashboard.isBlank()) {
      links.add(new Link("Dashboard", dashboard));
    }
    return links;
  }

  record Link(String title, String url) {}

  private static void putIfPresent(Map<String, String> facts, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      facts.put(name, value);
    }
  }
}
