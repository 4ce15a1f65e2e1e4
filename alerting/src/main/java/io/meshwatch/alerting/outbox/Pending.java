package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.Notification;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A notification waiting for delivery, with its retry state. Guarded by the outbox's lock. */
final class Pending {
  final Notification notification;
  final Instant enqueuedAt;
  // Looked up several times per delivery by the queue; the notification computes it anew each time.
  private final String groupKey;
  int attempts;
  Instant nextAttempt;
  @Nullable String lastError;

  Pending(Notification notification, Instant enqueuedAt) {
    this.notification = notification;
    this.enqueuedAt = enqueuedAt;
    this.groupKey = notification.groupKey();
    this.nextAttempt = enqueuedAt;
  }

  String id() {
    return notification.id();
  }

  String groupKey() {
    return groupKey;
  }

  PendingDelivery view() {
    return new PendingDelivery(id(), notification.receiver(), groupKey(), attempts, enqueuedAt, nextAttempt, lastError);
  }
}
