package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * Forwards alerts to a Prometheus Alertmanager through its API v2 ({@code POST /api/v2/alerts}), as
 * Prometheus does: a firing alert gets an {@code endsAt} four resend intervals ahead, so Alertmanager
 * keeps it firing while we keep re-posting it and resolves it by itself if we stop (say, the
 * collector is gone); a resolved alert gets its real {@code endsAt}. Alertmanager identifies alerts
 * by their label set, so re-posting is idempotent. Alertmanager has no acknowledgement (only
 * silences), so an {@link Notification.Purpose#ACKNOWLEDGE} notification sends nothing and counts
 * as delivered with status 200.
 */
final class AlertmanagerNotifier implements Notifier {
  static final String ALERTS_PATH = "/api/v2/alerts";
  static final int RESENDS_BEFORE_EXPIRY = 4;

  private final URI alertsUrl;
  private final URI externalUrl;
  private final Duration resendInterval;
  private final InstantSource clock;
  private final JsonPost post;

  AlertmanagerNotifier(ReceiverTarget.Alertmanager target, NotifierSettings settings, JsonPost post) {
    String base = target.url().toString();
    this.alertsUrl = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + ALERTS_PATH);
    this.externalUrl = settings.externalUrl();
    this.resendInterval = settings.resendInterval();
    this.clock = settings.clock();
    this.post = post;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    if (notification.purpose() == Notification.Purpose.ACKNOWLEDGE) {
      return DeliveryResult.delivered(200);
    }
    String json;
    try {
      json = json(notification);
    } catch (RuntimeException e) {
      return DeliveryResult.failed("cannot write the Alertmanager alerts: " + e, false);
    }
    return post.post(alertsUrl, json, Map.of());
  }

  private String json(Notification notification) {
    Instant firingUntil = clock.instant().plus(resendInterval.multipliedBy(RESENDS_BEFORE_EXPIRY));
    JsonWriter json = new JsonWriter().beginArray();
    for (Alert alert : notification.alerts()) {
      Instant endsAt = alert.state() == AlertState.RESOLVED && alert.endsAt() != null ? alert.endsAt() : firingUntil;
      json.beginObject()
          .name("labels").object(alert.labels())
          .name("annotations").object(alert.annotations());
      if (alert.startsAt() != null) {
        json.name("startsAt").value(alert.startsAt().toString());
      }
      json.name("endsAt").value(endsAt.toString())
          .name("generatorURL").value(AlertmanagerWebhookPayload.generatorUrl(externalUrl, alert))
          .endObject();
    }
    return json.endArray().toString();
  }
}
