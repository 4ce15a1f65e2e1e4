package io.meshwatch.alerting.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A notification the outbox still has to deliver, as the API and metrics show it. {@code attempts}
 * counts the attempts since the outbox was opened; {@code lastError} is null until one failed.
 */
public record PendingDelivery(String id, String receiver, String groupKey, int attempts, Instant enqueuedAt,
    Instant nextAttempt, @Nullable String lastError) {

  public PendingDelivery {
    if (id == null || receiver == null || groupKey == null || enqueuedAt == null || nextAttempt == null) {
      throw new IllegalArgumentException("pending delivery needs id, receiver, groupKey and times");
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
    }
  }
}
