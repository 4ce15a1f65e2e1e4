package io.meshwatch.collector.guard;

/**
 * A value outside its bound: which side it fell off and a message naming the bound and the value,
 * e.g. {@code must be a duration from 5m to 366d, got 999999999999999h}. The caller puts the field's
 * path in front.
 */
public record Violation(Side side, String message) {

  /** Below the bound's minimum (too small, too short, too early) or above its maximum. */
  public enum Side {
    BELOW,
    ABOVE
  }

  public Violation {
    if (side == null || message == null || message.isBlank()) {
      throw new IllegalArgumentException("a violation needs a side and a message");
    }
  }

  static Violation of(Side side, Bound bound, String got) {
    return new Violation(side, "must be " + bound.describe() + ", got " + got);
  }

  /** Throws what {@code violation} says, for readers whose problems travel as exceptions. */
  public static void require(@org.jspecify.annotations.Nullable Violation violation) {
    if (violation != null) {
      throw new IllegalArgumentException(violation.message());
    }
  }
}
