package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Posts notifications to a URL in Alertmanager's webhook JSON format, with the notification's id in
 * an {@code Idempotency-Key} header: a plain webhook has no dedup of its own, so a receiver that
 * wants exactly-once handling of our retries dedups by that header.
 *
 * <pre>{@code
 * Notifier webhook = new WebhookNotifier(URI.create("https://hooks.example.com/meshwatch"),
 *     URI.create("https://meshwatch.example.com"), Duration.ofSeconds(10));
 * DeliveryResult result = webhook.send(notification);
 * }</pre>
 */
public final class WebhookNotifier implements Notifier {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final URI url;
  private final URI externalUrl;
  private final JsonPost post;

  /**
   * @param url where to post
   * @param externalUrl the collector's address, for {@code externalURL} and each alert's {@code generatorURL}
   * @param timeout for connecting and for the whole exchange
   */
  public WebhookNotifier(URI url, URI externalUrl, Duration timeout) {
    this(url, externalUrl, JsonPost.create(timeout));
  }

  WebhookNotifier(URI url, URI externalUrl, JsonPost post) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("webhook URL must be http or https, got " + url);
    }
    this.url = url;
    this.externalUrl = externalUrl;
    this.post = post;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    String json;
    try {
      json = AlertmanagerWebhookPayload.json(notification, externalUrl);
    } catch (RuntimeException e) {
      return DeliveryResult.failed("cannot write the webhook payload: " + e, false);
    }
    return post.post(url, json, Map.of(IDEMPOTENCY_KEY, notification.id()));
  }
}
