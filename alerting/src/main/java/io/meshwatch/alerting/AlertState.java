package io.meshwatch.alerting;

import java.util.Locale;

/**
 * Where an alert is in its lifecycle. The allowed moves between states are listed once, in
 * {@link AlertStateTransition}.
 */
public enum AlertState {
  /** The condition does not hold (or has never held). */
  INACTIVE,
  /** The condition holds but has not held for the alert's {@code for} duration yet. */
  PENDING,
  /** The condition has held long enough; stays firing for keep-firing-for after it clears. */
  FIRING,
  /** Was firing; the condition has been false for at least keep-firing-for. */
  RESOLVED;

  /** The name used in APIs and payloads, e.g. {@code firing}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
