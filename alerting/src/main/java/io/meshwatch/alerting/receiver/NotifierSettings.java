package io.meshwatch.alerting.receiver;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;

/**
 * What every notifier needs besides its target.
 *
 * @param externalUrl the collector's address, for links back to meshwatch (generator URLs, PagerDuty's client URL)
 * @param timeout bounds connecting and each whole exchange with the receiver (HTTP request, SMTP command)
 * @param clock for times written into payloads (the {@code endsAt} of alerts forwarded to Alertmanager)
 * @param resendInterval how often firing alerts are re-posted to an Alertmanager; they are posted with
 *     an {@code endsAt} four intervals ahead, as Prometheus does
 */
public record NotifierSettings(URI externalUrl, Duration timeout, InstantSource clock, Duration resendInterval) {
  /** Prometheus' default {@code --rules.alert.resend-delay}. */
  public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);

  public NotifierSettings {
    if (externalUrl == null || timeout == null || clock == null || resendInterval == null) {
      throw new IllegalArgumentException("notifier settings need externalUrl, timeout, clock and resendInterval");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("notifier timeout must be positive, got " + timeout);
    }
    if (resendInterval.isNegative() || resendInterval.isZero()) {
      throw new IllegalArgumentException("notifier resendInterval must be positive, got " + resendInterval);
    }
  }

  /** Settings with the {@link #DEFAULT_RESEND_INTERVAL}. */
  public NotifierSettings(URI externalUrl, Duration timeout, InstantSource clock) {
    this(externalUrl, timeout, clock, DEFAULT_RESEND_INTERVAL);
  }
}
