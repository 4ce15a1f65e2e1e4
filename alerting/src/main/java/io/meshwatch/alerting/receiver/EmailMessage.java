package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.Notification;
import java.net.URI;
import java.util.Map;

/**
 * The subject and plain-text body of a notification e-mail: the Alertmanager-style title as subject,
 * then each alert with its summary, facts and links, so the mail alone is enough to start acting.
 */
final class EmailMessage {
  private EmailMessage() {}

  static String subject(Notification notification) {
    return NotificationTitle.of(notification);
  }

  static String body(Notification notification, URI externalUrl) {
    StringBuilder body = new StringBuilder(512).append(subject(notification)).append("\n");
    for (Alert alert : notification.alerts()) {
      body.append('\n').append(AlertFacts.stateWord(alert, notification.purpose())).append(": ")
          .append(AlertFacts.summary(alert)).append('\n');
      for (Map.Entry<String, String> fact : AlertFacts.facts(alert).entrySet()) {
        line(body, fact.getKey(), fact.getValue());
      }
      for (AlertFacts.Link link : AlertFacts.links(alert)) {
        line(body, link.title(), link.url());
      }
      line(body, "In meshwatch", AlertmanagerWebhookPayload.generatorUrl(externalUrl, alert));
    }
    return body.append("\n-- \nmeshwatch ").append(externalUrl)
        .append("\nnotification ").append(notification.id()).toString();
  }

  private static void line(StringBuilder body, String name, String value) {
    body.append("  ").append(name).append(": ").append(value.replace('\n', ' ')).append('\n');
  }
}
