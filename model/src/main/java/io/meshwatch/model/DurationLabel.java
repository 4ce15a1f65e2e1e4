package io.meshwatch.model;

import java.time.Duration;

/**
 * Writes a duration the way descriptors, APIs and PromQL do: in the largest unit that holds it
 * exactly, up to days ({@code 28d}, {@code 6h}, {@code 90m}, {@code 1500ms}).
 */
public final class DurationLabel {

  private DurationLabel() {}

  /**
   * The label of {@code duration}.
   *
   * @throws IllegalArgumentException for negative durations or ones finer than a millisecond
   */
  public static String of(Duration duration) {
    if (duration.isNegative() || duration.toNanosPart() % 1_000_000 != 0) {
      throw new IllegalArgumentException("cannot write duration " + duration);
    }
    long seconds = duration.getSeconds();
    int millis = duration.toMillisPart();
    if (millis != 0) {
      // Whole seconds and milliseconds apart: a duration's milliseconds need not fit a long.
      return java.math.BigInteger.valueOf(seconds).multiply(java.math.BigInteger.valueOf(1000))
          .add(java.math.BigInteger.valueOf(millis)) + "ms";
    }
    if (seconds == 0) {
      return "0s";
    }
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
