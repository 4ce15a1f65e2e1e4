package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Sends one PagerDuty Events API v2 event per alert of a notification (trigger, acknowledge or
 * resolve; see {@link PagerDutyEvent}). PagerDuty answers 202; 429 and 5xx are worth retrying, 400
 * (an invalid event) is not. A notification is delivered only when every event is: the first
 * failure stops the rest and is reported, and a retry sends all events again, which PagerDuty dedups
 * by {@code dedup_key}.
 */
final class PagerDutyNotifier implements Notifier {
  private final ReceiverTarget.PagerDuty target;
  private final URI externalUrl;
  private final JsonPost post;

  PagerDutyNotifier(ReceiverTarget.PagerDuty target, URI externalUrl, JsonPost post) {
    this.target = target;
    this.externalUrl = externalUrl;
    this.post = post;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    List<String> events;
    try {
      events = PagerDutyEvent.all(target.routingKey(), notification, externalUrl);
    } catch (RuntimeException e) {
      return DeliveryResult.failed("cannot write the PagerDuty events: " + e, false);
    }
    // A notification has at least one alert, so there is at least one event.
    DeliveryResult result = post.post(target.eventsUrl(), events.get(0), Map.of());
    for (int i = 1; i < events.size() && result.delivered(); i++) {
      result = post.post(target.eventsUrl(), events.get(i), Map.of());
    }
    return result;
  }
}
