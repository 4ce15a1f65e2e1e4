package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.Notification;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of a Slack incoming-webhook message: {@code text} (shown in notifications and where
 * blocks cannot be) and {@code blocks}, a header with the status and alert count, then one section
 * per alert with its summary, links and facts. Stays inside Slack's limits (50 blocks, 150 characters
 * of header, 3000 of section text, 10 fields of 2000): what does not fit is counted, not dropped
 * silently.
 */
final class SlackPayload {
  static final int MAX_ALERT_SECTIONS = 40;
  private static final int MAX_HEADER = 150;
  private static final int MAX_TEXT = 2900;
  private static final int MAX_FIELD = 1900;

  private SlackPayload() {}

  static String json(Notification notification, @Nullable String channel) {
    String title = NotificationTitle.of(notification);
    JsonWriter json = new JsonWriter().beginObject();
    if (channel != null && !channel.isBlank()) {
      json.name("channel").value(channel);
    }
    json.name("text").value(title)
        .name("blocks").beginArray()
        .beginObject()
        .name("type").value("header")
        .name("text").beginObject().name("type").value("plain_text").name("text").value(cut(title, MAX_HEADER)).endObject()
        .endObject();
    List<Alert> alerts = notification.alerts();
    for (Alert alert : alerts.subList(0, Math.min(alerts.size(), MAX_ALERT_SECTIONS))) {
      section(json, alert, notification.purpose());
    }
    if (alerts.size() > MAX_ALERT_SECTIONS) {
      json.beginObject().name("type").value("context").name("elements").beginArray()
          .beginObject().name("type").value("mrkdwn")
          .name("text").value("…and " + (alerts.size() - MAX_ALERT_SECTIONS) + " more alerts").endObject()
          .endArray().endObject();
    }
    return json.endArray().endObject().toString();
  }

  private static void section(JsonWriter json, Alert alert, Notification.Purpose purpose) {
    StringBuilder text = new StringBuilder()
        .append('*').append(AlertFacts.stateWord(alert, purpose)).append("* ")
        .append(escape(cut(AlertFacts.summary(alert), MAX_FIELD)));
    List<AlertFacts.Link> links = AlertFacts.links(alert);
    for (int i = 0; i < links.size(); i++) {
      text.append(i == 0 ? "\n" : " · ")
          .append('<').append(escape(links.get(i).url()).replace("|", "%7C")).append('|')
          .append(links.get(i).title()).append('>');
    }
    json.beginObject()
        .name("type").value("section")
        .name("text").beginObject().name("type").value("mrkdwn").name("text").value(cut(text.toString(), MAX_TEXT)).endObject()
        .name("fields").beginArray();
    int fields = 0;
    for (Map.Entry<String, String> fact : AlertFacts.facts(alert).entrySet()) {
      if (fields++ == 10) {
        break;
      }
      json.beginObject().name("type").value("mrkdwn")
          .name("text").value("*" + fact.getKey() + "*\n" + escape(cut(fact.getValue(), MAX_FIELD))).endObject();
    }
    json.endArray().endObject();
  }

  // Slack reads &, < and > in mrkdwn as markup; everything else is literal.
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
