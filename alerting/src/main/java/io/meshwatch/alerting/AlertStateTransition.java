package io.meshwatch.alerting;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every move an alert may make between {@link AlertState}s. Anything not listed here is a bug, and
 * {@link #between} says so instead of letting an alert jump, e.g. from pending to resolved (an alert
 * nobody was told about must never be reported as resolved).
 */
public enum AlertStateTransition {
  INACTIVE_TO_PENDING(AlertState.INACTIVE, AlertState.PENDING),
  /** Only with a zero {@code for} duration. */
  INACTIVE_TO_FIRING(AlertState.INACTIVE, AlertState.FIRING),
  PENDING_TO_FIRING(AlertState.PENDING, AlertState.FIRING),
  /** The condition cleared before the {@code for} duration passed: nobody is told. */
  PENDING_TO_INACTIVE(AlertState.PENDING, AlertState.INACTIVE),
  FIRING_TO_RESOLVED(AlertState.FIRING, AlertState.RESOLVED),
  /** The same alert came back after it resolved: a new episode with a new start. */
  RESOLVED_TO_PENDING(AlertState.RESOLVED, AlertState.PENDING),
  /** As {@link #RESOLVED_TO_PENDING}, with a zero {@code for} duration. */
  RESOLVED_TO_FIRING(AlertState.RESOLVED, AlertState.FIRING);

  private static final Map<AlertState, Map<AlertState, AlertStateTransition>> TABLE = table();

  private final AlertState from;
  private final AlertState to;

  AlertStateTransition(AlertState from, AlertState to) {
    this.from = from;
    this.to = to;
  }

  public AlertState from() {
    return from;
  }

  public AlertState to() {
    return to;
  }

  /**
   * The transition from {@code from} to {@code to}.
   *
   * @throws IllegalStateException when the lifecycle does not allow that move
   */
  public static AlertStateTransition between(AlertState from, AlertState to) {
    AlertStateTransition transition = TABLE.get(from).get(to);
    if (transition == null) {
      throw new IllegalStateException("alert cannot move from " + from + " to " + to);
    }
    return transition;
  }

  /** Whether the lifecycle allows moving from {@code from} to {@code to}. */
  public static boolean allowed(AlertState from, AlertState to) {
    return TABLE.get(from).containsKey(to);
  }

  private static Map<AlertState, Map<AlertState, AlertStateTransition>> table() {
    Map<AlertState, Map<AlertState, AlertStateTransition>> table = new EnumMap<>(AlertState.class);
    for (AlertState state : AlertState.values()) {
      table.put(state, new EnumMap<>(AlertState.class));
    }
    for (AlertStateTransition transition : values()) {
      table.get(transition.from).put(transition.to, transition);
    }
    return table;
  }
}
