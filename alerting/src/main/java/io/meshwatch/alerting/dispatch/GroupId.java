package io.meshwatch.alerting.dispatch;

import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.routing.RoutedTo;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes a group: the route (two routes to one receiver are two groups), the receiver and the
 * values of the route's group_by labels.
 */
record GroupId(String routeId, String receiver, Map<String, String> labels) {

  /** The group {@code labels} of an alert fall into on {@code route}; labels the alert lacks are left out, as in Alertmanager. */
  static GroupId of(RoutedTo route, Map<String, String> alertLabels) {
    return new GroupId(route.routeId(), route.receiver(), groupLabels(route, alertLabels));
  }

  private static Map<String, String> groupLabels(RoutedTo route, Map<String, String> alertLabels) {
    if (route.groupBy().isEmpty()) {
      return Map.of();
    }
    if (route.groupBy().contains(RoutedTo.GROUP_BY_ALL)) {
      // Alert labels are already an immutable sorted map: shared, not copied.
      return alertLabels;
    }
    TreeMap<String, String> labels = new TreeMap<>();
    for (String name : route.groupBy()) {
      String value = alertLabels.get(name);
      if (value != null) {
        labels.put(name, value);
      }
    }
    return labels;
  }

  /** Route and group key: what notification ids are derived from. */
  String identity() {
    return routeId + "\n" + Notification.groupKey(receiver, labels);
  }
}
