package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.Notification;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A notification waiting for delivery, with its retry state. Guarded by the outbox's lock. */
final class Pending {
  final Notification notification;
  final Instant enqueuedAt;
  int attempts;
  Instant nextAttempt;
  @Nullable String lastError;

  Pending(Notification notification, Instant enqueuedAt) {
    this.notification = notification;
    this.enqueuedAt = enqueuedAt;
    this.nextAttempt = enqueuedAt;
  }

  String id() {
    return notification.id();
  }

  String groupKey() {
    return notification.groupKey();
  }

  PendingDelivery view() {
    return new PendingDelivery(id(), notification.receiver(), groupKey(), attempts, enqueuedAt, nextAttempt, lastError);
  }
}
