package io.meshwatch.alerting;

import java.time.Instant;

/**
 * One state change of one alert, as an immutable event: the transition made, the alert as it stands
 * afterwards, and the evaluation time it happened at.
 */
public record AlertTransition(AlertStateTransition transition, Alert alert, Instant at) {

  public AlertTransition {
    if (transition == null || alert == null || at == null) {
      throw new IllegalArgumentException("alert transition needs a transition, an alert and a time");
    }
    if (alert.state() != transition.to()) {
      throw new IllegalArgumentException(
          "alert " + alert.fingerprint() + " is " + alert.state() + " after transition " + transition);
    }
  }

  public AlertState from() {
    return transition.from();
  }

  public AlertState to() {
    return transition.to();
  }
}
