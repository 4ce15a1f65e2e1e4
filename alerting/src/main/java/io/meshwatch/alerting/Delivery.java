package io.meshwatch.alerting;

import io.meshwatch.model.DurationLabel;
import java.time.Duration;

/**
 * How notifications are delivered from the outbox.
 *
 * @param timeout how long one attempt (one HTTP request or SMTP session) may take before it counts as failed
 * @param maxRetryAge how long a notification is retried (with backoff) before it is given up and counted as dropped
 */
public record Delivery(Duration timeout, Duration maxRetryAge) {

  /** 10 s per attempt, retried for up to 24 h. */
  public static final Delivery DEFAULTS = new Delivery(Duration.ofSeconds(10), Duration.ofHours(24));

  public Delivery {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("delivery timeout must be positive, got " + timeout);
    }
    if (maxRetryAge == null || maxRetryAge.compareTo(timeout) < 0) {
      throw new IllegalArgumentException("delivery maxRetryAge must be at least the timeout (" + label(timeout)
          + "), got " + (maxRetryAge == null ? null : label(maxRetryAge)));
    }
  }

  private static String label(Duration duration) {
    try {
      return DurationLabel.of(duration);
    } catch (IllegalArgumentException e) {
      return duration.toString(); // negative, or finer than DurationLabel writes
    }
  }
}
