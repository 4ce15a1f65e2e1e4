package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.Notifier;
import java.util.List;

/**
 * Builds the {@link Notifier} of each kind of {@link ReceiverTarget}, and the notifier of a receiver
 * with several targets.
 *
 * <pre>{@code
 * NotifierSettings settings = new NotifierSettings(URI.create("https://meshwatch.example.com"),
 *     Duration.ofSeconds(10), InstantSource.system());
 * Notifier oncall = Notifiers.of(List.of(
 *     Notifiers.create(new ReceiverTarget.PagerDuty(key, ReceiverTarget.PagerDuty.EVENTS_V2), settings),
 *     Notifiers.create(new ReceiverTarget.Slack(URI.create(slackHook), "#sales-oncall"), settings)));
 * DeliveryResult result = oncall.send(notification);
 * }</pre>
 */
public final class Notifiers {
  private Notifiers() {}

  /** The notifier of {@code target}; each {@code send} makes one attempt. */
  public static Notifier create(ReceiverTarget target, NotifierSettings settings) {
    if (target instanceof ReceiverTarget.Email email) {
      return new EmailNotifier(email, settings);
    }
    JsonPost post = JsonPost.create(settings.timeout());
    if (target instanceof ReceiverTarget.Webhook webhook) {
      return new WebhookNotifier(webhook.url(), settings.externalUrl(), post);
    }
    if (target instanceof ReceiverTarget.Slack slack) {
      return new SlackNotifier(slack, post);
    }
    if (target instanceof ReceiverTarget.PagerDuty pagerDuty) {
      return new PagerDutyNotifier(pagerDuty, settings.externalUrl(), post);
    }
    if (target instanceof ReceiverTarget.Alertmanager alertmanager) {
      return new AlertmanagerNotifier(alertmanager, settings, post);
    }
    throw new IllegalArgumentException("no notifier for " + target.getClass().getSimpleName());
  }

  /**
   * A notifier that sends to every one of {@code targets} (in order, each once) and is delivered only
   * when all of them are. A failure reports the first failed target's status and error, and is
   * retryable only if every failed target's is. A retry sends to all targets again, also to those
   * that took the notification already. That is harmless where the target dedups: PagerDuty by
   * {@code dedup_key} (the alert's fingerprint), Alertmanager by label set; plain webhooks get the
   * notification id in an {@code Idempotency-Key} header and e-mails in their {@code Message-ID},
   * to dedup by. Slack has no such key and may show a message twice.
   */
  public static Notifier of(List<Notifier> targets) {
    return targets.size() == 1 ? targets.get(0) : new FanOutNotifier(targets);
  }
}
