package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Notification;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The body of Alertmanager's webhook ({@code version} 4), so that anything written for
 * Alertmanager's webhook receiver takes meshwatch notifications unchanged. Members are written in the
 * order of Alertmanager's documentation.
 */
final class AlertmanagerWebhookPayload {
  static final String VERSION = "4";
  // Alertmanager sends Go's zero time as endsAt of a firing alert; receivers expect a timestamp there.
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  // Room for the envelope and for one alert with the labels and annotations meshwatch gives it.
  private static final int ENVELOPE_CHARS = 1024;
  private static final int ALERT_CHARS = 1024;

  private AlertmanagerWebhookPayload() {}

  static String json(Notification notification, URI externalUrl) {
    String external = withoutTrailingSlash(externalUrl.toString());
    JsonWriter json = new JsonWriter(ENVELOPE_CHARS + ALERT_CHARS * notification.alerts().size()).beginObject()
        .name("version").value(VERSION)
        .name("groupKey").value(notification.groupKey())
        .name("truncatedAlerts").value(0)
        .name("status").value(notification.firing() ? "firing" : "resolved")
        .name("receiver").value(notification.receiver())
        .name("groupLabels").object(notification.groupLabels())
        .name("commonLabels").object(notification.commonLabels())
        .name("commonAnnotations").object(notification.commonAnnotations())
        .name("externalURL").value(external)
        .name("alerts").beginArray();
    for (Alert alert : notification.alerts()) {
      json.beginObject()
          .name("status").value(alert.state() == AlertState.FIRING ? "firing" : "resolved")
          .name("labels").object(alert.labels())
          .name("annotations").object(alert.annotations())
          .name("startsAt").value(time(alert.startsAt()))
          .name("endsAt").value(time(alert.endsAt()))
          .name("generatorURL").value(generatorUrl(externalUrl, alert))
          .name("fingerprint").value(alert.fingerprint())
          .endObject();
    }
    return json.endArray().endObject().toString();
  }

  /** Where a human sees the alert's product in meshwatch; Alertmanager shows it as the alert's source. */
  static String generatorUrl(URI externalUrl, Alert alert) {
    return withoutTrailingSlash(externalUrl.toString()) + "/products/" + alert.product();
  }

  private static String time(@Nullable Instant instant) {
    return instant == null ? ZERO_TIME : instant.toString();
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
