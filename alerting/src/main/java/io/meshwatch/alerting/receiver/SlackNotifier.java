package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.util.Map;

/**
 * Posts notifications to a Slack incoming webhook ({@link SlackPayload} says what the message
 * holds). Slack answers 200 {@code ok}, or an error code as text ({@code invalid_payload},
 * {@code channel_not_found}, ...) with a 4xx, which is not worth retrying; 429 and 5xx are. Slack
 * has no idempotency key for webhooks: a retry after a lost answer can post a message twice (the
 * notification id goes along in an {@code Idempotency-Key} header, which Slack ignores).
 */
final class SlackNotifier implements Notifier {
  private final ReceiverTarget.Slack target;
  private final JsonPost post;

  SlackNotifier(ReceiverTarget.Slack target, JsonPost post) {
    this.target = target;
    this.post = post;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    String json;
    try {
      json = SlackPayload.json(notification, target.channel());
    } catch (RuntimeException e) {
      return DeliveryResult.failed("cannot write the Slack message: " + e, false);
    }
    // Slack ignores the header; a proxy in front of it, or a test, can dedup by it.
    return post.post(target.webhookUrl(), json, Map.of(WebhookNotifier.IDEMPOTENCY_KEY, notification.id()));
  }
}
