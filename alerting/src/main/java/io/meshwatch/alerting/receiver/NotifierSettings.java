package io.meshwatch.alerting.receiver;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

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
    List<String> problems = new ArrayList<>();
    if (externalUrl == null) {
      problems.add("externalUrl is missing");
    }
    if (clock == null) {
      problems.add("clock is missing");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      problems.add("timeout must be positive, got " + timeout);
    }
    if (resendInterval == null || resendInterval.isNegative() || resendInterval.isZero()) {
      problems.add("resendInterval must be positive, got " + resendInterval);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid notifier settings: " + String.join("; ", problems));
    }
  }

  /** Settings with the {@link #DEFAULT_RESEND_INTERVAL}. */
  public NotifierSettings(URI externalUrl, Duration timeout, InstantSource clock) {
    this(externalUrl, timeout, clock, DEFAULT_RESEND_INTERVAL);
  }
}
