package io.meshwatch.alerting.dispatch;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone took a firing alert: its repeats stop until it resolves. {@code at} is when the
 * acknowledgement was made, by the dispatcher's clock.
 */
public record Acknowledgement(String fingerprint, String by, @Nullable String comment, Instant at) {

  public Acknowledgement {
    if (fingerprint == null || fingerprint.isBlank()) {
      throw new IllegalArgumentException("acknowledgement needs a fingerprint");
    }
    if (by == null || by.isBlank()) {
      throw new IllegalArgumentException("acknowledgement of " + fingerprint + " needs who made it ('by')");
    }
    if (at == null) {
      throw new IllegalArgumentException("acknowledgement of " + fingerprint + " needs a time");
    }
  }
}
