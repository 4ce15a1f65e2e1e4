package io.meshwatch.alerting;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group of firing or resolved alerts to deliver to one receiver. Pending alerts are never
 * notified. {@code groupLabels} are the labels the alerts were grouped by.
 */
public record Notification(String receiver, Map<String, String> groupLabels, List<Alert> alerts) {

  public Notification {
    if (receiver == null || receiver.isBlank()) {
      throw new IllegalArgumentException("notification needs a receiver");
    }
    alerts = List.copyOf(alerts);
    if (alerts.isEmpty()) {
      throw new IllegalArgumentException("notification to " + receiver + " has no alerts");
    }
    for (Alert alert : alerts) {
      if (alert.state() != AlertState.FIRING && alert.state() != AlertState.RESOLVED) {
        throw new IllegalArgumentException(
            "alert " + alert.fingerprint() + " is " + alert.state().label() + ": only firing or resolved alerts are notified");
      }
    }
    groupLabels = Collections.unmodifiableSortedMap(new TreeMap<>(groupLabels));
  }

  /** Whether any alert fires; a group is resolved only when all of its alerts are. */
  public boolean firing() {
    return alerts.stream().anyMatch(alert -> alert.state() == AlertState.FIRING);
  }

  /** The label pairs every alert has. */
  public Map<String, String> commonLabels() {
    return common(alerts.stream().map(Alert::labels).toList());
  }

  /** The annotation pairs every alert has. */
  public Map<String, String> commonAnnotations() {
    return common(alerts.stream().map(Alert::annotations).toList());
  }

  /** Identifies the group at its receiver, e.g. {@code sales-oncall:{product="sales.orders"}}. */
  public String groupKey() {
    StringBuilder key = new StringBuilder(receiver).append(":{");
    groupLabels.forEach((name, value) ->
        key.append(key.charAt(key.length() - 1) == '{' ? "" : ",").append(name).append("=\"").append(value).append('"'));
    return key.append('}').toString();
  }

  private static Map<String, String> common(List<Map<String, String>> maps) {
    TreeMap<String, String> common = new TreeMap<>(maps.get(0));
    for (Map<String, String> map : maps.subList(1, maps.size())) {
      common.entrySet().removeIf(entry -> !entry.getValue().equals(map.get(entry.getKey())));
    }
    return Collections.unmodifiableSortedMap(common);
  }
}
