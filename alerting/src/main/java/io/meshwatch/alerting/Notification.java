package io.meshwatch.alerting;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A group of firing or resolved alerts to deliver to one receiver. Pending alerts are never
 * notified. {@code groupLabels} are the labels the alerts were grouped by; {@code id} identifies this
 * notification across retries and restarts (receivers get it as an idempotency key), and
 * {@code purpose} says whether it tells the state of the alerts or that a human acknowledged them.
 */
public record Notification(
    String id, String receiver, Map<String, String> groupLabels, List<Alert> alerts, Purpose purpose) {

  /** Why a notification is sent. */
  public enum Purpose {
    /** The alerts as they stand: firing ones are triggered, resolved ones resolved. */
    NOTIFY,
    /** Someone acknowledged the (firing) alerts: receivers that know acknowledgement (PagerDuty) are told. */
    ACKNOWLEDGE
  }

  public Notification {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("notification needs an id");
    }
    if (receiver == null || receiver.isBlank()) {
      throw new IllegalArgumentException("notification needs a receiver");
    }
    if (purpose == null) {
      throw new IllegalArgumentException("notification " + id + " needs a purpose");
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

  /** A {@link Purpose#NOTIFY} notification whose id is derived from its group and alerts (for tests and tools). */
  public Notification(String receiver, Map<String, String> groupLabels, List<Alert> alerts) {
    this(derivedId(receiver, groupLabels, alerts), receiver, groupLabels, alerts, Purpose.NOTIFY);
  }

  /** Whether any alert fires; a group is resolved only when all of its alerts are. */
  public boolean firing() {
    return alerts.stream().anyMatch(alert -> alert.state() == AlertState.FIRING);
  }

  /** The label pairs every alert has, sorted by name. */
  public Map<String, String> commonLabels() {
    return common(Alert::labels);
  }

  /** The annotation pairs every alert has, sorted by name. */
  public Map<String, String> commonAnnotations() {
    return common(Alert::annotations);
  }

  /** Identifies the group at its receiver, e.g. {@code sales-oncall:{product="sales.orders"}}. */
  public String groupKey() {
    return groupKey(receiver, groupLabels);
  }

  /** The group key of {@code groupLabels} at {@code receiver}, as {@link #groupKey()} writes it. */
  public static String groupKey(String receiver, Map<String, String> groupLabels) {
    StringBuilder key = new StringBuilder(receiver).append(":{");
    new TreeMap<>(groupLabels).forEach((name, value) ->
        key.append(key.charAt(key.length() - 1) == '{' ? "" : ",").append(name).append("=\"").append(value).append('"'));
    return key.append('}').toString();
  }

  private static String derivedId(String receiver, Map<String, String> groupLabels, List<Alert> alerts) {
    StringBuilder identity = new StringBuilder(groupKey(receiver, groupLabels));
    for (Alert alert : alerts) {
      identity.append('\n').append(alert.fingerprint()).append(' ').append(alert.state().label());
    }
    return Fingerprint.ofText(identity.toString());
  }

  private Map<String, String> common(Function<Alert, Map<String, String>> part) {
    Map<String, String> first = part.apply(alerts.get(0));
    if (alerts.size() == 1) {
      return first; // an alert's labels and annotations are sorted and unmodifiable already
    }
    TreeMap<String, String> common = new TreeMap<>();
    candidates:
    for (Map.Entry<String, String> entry : first.entrySet()) {
      for (Alert other : alerts.subList(1, alerts.size())) {
        if (!entry.getValue().equals(part.apply(other).get(entry.getKey()))) {
          continue candidates;
        }
      }
      common.put(entry.getKey(), entry.getValue());
    }
    return Collections.unmodifiableSortedMap(common);
  }
}
