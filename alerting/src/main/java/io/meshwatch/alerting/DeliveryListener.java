package io.meshwatch.alerting;

import java.time.Duration;

/**
 * Hears how deliveries go, e.g. to count them as metrics. Called from delivery threads; must be quick
 * and must not throw.
 */
public interface DeliveryListener {

  /** Hears nothing. */
  DeliveryListener NONE = new DeliveryListener() {};

  /** {@code notification} reached {@code receiver}, {@code latency} after it was queued. */
  default void delivered(Notification notification, Duration latency) {}

  /**
   * An attempt failed; {@code willRetry} says whether the outbox tries again (else the notification is
   * given up: not retryable, or too old).
   */
  default void failed(Notification notification, DeliveryResult result, boolean willRetry) {}
}
