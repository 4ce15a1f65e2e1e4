package io.meshwatch.alerting;

/**
 * Delivers notifications to one kind of receiver (webhook; later Slack, PagerDuty, e-mail,
 * Alertmanager). Never throws: whatever goes wrong is reported in the {@link DeliveryResult}, which
 * also says whether trying again could help.
 */
public interface Notifier {

  /** Delivers {@code notification} once, blocking until it is delivered or has failed. */
  DeliveryResult send(Notification notification);
}
