package io.meshwatch.alerting;

import io.meshwatch.alerting.receiver.ReceiverTarget;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.model.Contact;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the on-call contacts of a product's descriptor are reached when a route sends to
 * {@link RoutedTo#ON_CALL}. A descriptor names only a Slack channel, an e-mail address, a PagerDuty
 * routing key or a webhook URL; the rest (the Slack app's webhook, the SMTP server, PagerDuty's
 * endpoint) is set once here for the whole mesh.
 *
 * @param slackWebhookUrl the Slack incoming webhook that posts to each contact's channel; null: Slack contacts are not reachable
 * @param email the SMTP server e-mail contacts are written through; null: e-mail contacts are not reachable
 * @param pagerDutyEventsUrl PagerDuty's Events API v2 endpoint, used with each contact's routing key
 */
public record OnCallDefaults(@Nullable URI slackWebhookUrl, @Nullable EmailServer email, URI pagerDutyEventsUrl) {

  /** Only PagerDuty and webhook contacts reachable, PagerDuty at its public endpoint. */
  public static final OnCallDefaults DEFAULTS = new OnCallDefaults(null, null, ReceiverTarget.PagerDuty.EVENTS_V2);

  public OnCallDefaults {
    if (slackWebhookUrl != null && !isHttp(slackWebhookUrl)) {
      throw new IllegalArgumentException("onCall slack webhookUrl must be an http or https URL, got " + slackWebhookUrl);
    }
    if (pagerDutyEventsUrl == null || !isHttp(pagerDutyEventsUrl)) {
      throw new IllegalArgumentException("onCall pagerduty eventsUrl must be an http or https URL, got " + pagerDutyEventsUrl);
    }
  }

  /**
   * Where {@code contact} is reached: SLACK posts to its channel through {@link #slackWebhookUrl},
   * EMAIL writes to its address through {@link #email}, PAGERDUTY uses it as the routing key at
   * {@link #pagerDutyEventsUrl}, WEBHOOK posts Alertmanager's webhook JSON to it. Empty when the
   * setting its kind needs is not configured, or the contact's target is unusable (a webhook that
   * is not an http URL); the caller counts and logs that rather than failing the alert.
   */
  public Optional<ReceiverTarget> target(Contact contact) {
    try {
      return Optional.ofNullable(switch (contact.kind()) {
        case SLACK -> slackWebhookUrl == null ? null : new ReceiverTarget.Slack(slackWebhookUrl, contact.target());
        case EMAIL -> email == null ? null : email.to(contact.target());
        case PAGERDUTY -> new ReceiverTarget.PagerDuty(contact.target(), pagerDutyEventsUrl);
        case WEBHOOK -> new ReceiverTarget.Webhook(URI.create(contact.target()));
      });
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isHttp(URI url) {
    return ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null;
  }
}
