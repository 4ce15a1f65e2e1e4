package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.AlertLabels;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one-line title of a notification, as Alertmanager's default templates write it, so on-call
 * people see the same subject whichever way an alert reaches them: {@code [FIRING:2]
 * MeshwatchErrorBudgetBurn sales.orders}, {@code [RESOLVED] ...}, or {@code [ACK] ...} when someone
 * acknowledged the alerts.
 */
final class NotificationTitle {
  private NotificationTitle() {}

  static String of(Notification notification) {
    return status(notification) + " " + subject(notification);
  }

  static String status(Notification notification) {
    if (notification.purpose() == Notification.Purpose.ACKNOWLEDGE) {
      return "[ACK]";
    }
    if (!notification.firing()) {
      return "[RESOLVED]";
    }
    long firing = notification.alerts().stream().filter(alert -> alert.state() == AlertState.FIRING).count();
    return "[FIRING:" + firing + "]";
  }

  // The common alert name, then the values of the other group labels; the product when nothing groups.
  private static String subject(Notification notification) {
    Map<String, String> common = notification.commonLabels();
    List<String> words = new ArrayList<>();
    String alertName = common.getOrDefault(AlertLabels.ALERTNAME, notification.groupLabels().get(AlertLabels.ALERTNAME));
    if (alertName != null) {
      words.add(alertName);
    }
    notification.groupLabels().forEach((name, value) -> {
      if (!name.equals(AlertLabels.ALERTNAME)) {
        words.add(value);
      }
    });
    if (words.size() == (alertName == null ? 0 : 1)) {
      String product = common.get(AlertLabels.PRODUCT);
      words.add(product != null ? product : notification.alerts().size() + " alerts");
    }
    return String.join(" ", words);
  }
}
