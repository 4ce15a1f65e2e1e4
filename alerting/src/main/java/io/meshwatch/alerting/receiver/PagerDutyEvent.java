package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Notification;
import io.meshwatch.model.Severity;
import java.net.URI;
import java.util.List;

/**
 * One PagerDuty Events API v2 event for one alert. {@code dedup_key} is the alert's fingerprint, so
 * PagerDuty keeps one incident per alert and a repeated trigger, acknowledge or resolve is harmless.
 * Only a trigger carries a payload; acknowledge and resolve name the incident by its key alone.
 */
final class PagerDutyEvent {
  static final int MAX_SUMMARY = 1024;
  static final String CLIENT = "meshwatch";

  private PagerDutyEvent() {}

  static String action(Alert alert, Notification.Purpose purpose) {
    if (alert.state() == AlertState.RESOLVED) {
      return "resolve";
    }
    return purpose == Notification.Purpose.ACKNOWLEDGE ? "acknowledge" : "trigger";
  }

  /** {@code critical} pages, {@code warning} is a ticket, {@code info} when an upstream alert inhibits this one. */
  static String severity(Alert alert) {
    if (AlertFacts.inhibitedBy(alert) != null) {
      return "info";
    }
    return alert.severity() == Severity.PAGE ? "critical" : "warning";
  }

  static String json(String routingKey, Alert alert, Notification.Purpose purpose, URI externalUrl) {
    String action = action(alert, purpose);
    JsonWriter json = new JsonWriter().beginObject()
        .name("routing_key").value(routingKey)
        .name("event_action").value(action)
        .name("dedup_key").value(alert.fingerprint());
    if (action.equals("trigger")) {
      payload(json, alert);
      json.name("links").beginArray();
      for (AlertFacts.Link link : AlertFacts.links(alert)) {
        json.beginObject().name("href").value(link.url()).name("text").value(link.title()).endObject();
      }
      json.endArray()
          .name("client").value(CLIENT)
          .name("client_url").value(AlertmanagerWebhookPayload.generatorUrl(externalUrl, alert));
    }
    return json.endObject().toString();
  }

  private static void payload(JsonWriter json, Alert alert) {
    json.name("payload").beginObject()
        .name("summary").value(cut(AlertFacts.summary(alert)))
        .name("source").value(alert.product().toString())
        .name("severity").value(severity(alert));
    if (alert.startsAt() != null) {
      json.name("timestamp").value(alert.startsAt().toString());
    }
    json.name("component").value(alert.product().toString())
        .name("group").value(AlertFacts.domain(alert));
    String sli = AlertFacts.sli(alert);
    if (sli != null) {
      json.name("class").value(sli);
    }
    json.name("custom_details").beginObject()
        .name("labels").object(alert.labels())
        .name("annotations").object(alert.annotations())
        .endObject()
        .endObject();
  }

  // PagerDuty rejects a summary over 1024 characters with a 400: better a cut summary than no page.
  private static String cut(String summary) {
    return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
  }

  static List<String> all(String routingKey, Notification notification, URI externalUrl) {
    return notification.alerts().stream()
        .map(alert -> json(routingKey, alert, notification.purpose(), externalUrl))
        .toList();
  }
}
