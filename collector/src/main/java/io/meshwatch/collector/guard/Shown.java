package io.meshwatch.collector.guard;

import io.meshwatch.model.DurationLabel;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * How values appear in bounds and messages: numbers without exponents where exact, durations as in
 * descriptors, long text cut to its start. Every message that echoes input goes through here.
 */
public final class Shown {

  private static final int TEXT_SHOWN = 40;

  private Shown() {}

  public static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e18) {
      return Long.toString((long) value);
    }
    double magnitude = Math.abs(value);
    return magnitude >= 1e-6 && magnitude < 1e18 ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
        : Double.toString(value);
  }

  public static String duration(Duration duration) {
    try {
      return DurationLabel.of(duration);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return duration.toString(); // negative or finer than a millisecond
    }
  }

  /** As it is, or (when long) its start and its length: a value of megabytes never lands in a message whole. */
  public static String cut(String text) {
    return text.length() <= TEXT_SHOWN ? text : text.substring(0, TEXT_SHOWN) + "… (" + text.length() + " characters)";
  }

  /** {@link #cut} in quotes. */
  public static String quoted(String text) {
    return text.length() <= TEXT_SHOWN ? "'" + text + "'" : "'" + text.substring(0, TEXT_SHOWN) + "…' (" + text.length()
        + " characters)";
  }

  /** Its length and its start: a value of megabytes never lands in a message whole. */
  public static String text(String text) {
    String start = text.length() <= TEXT_SHOWN ? text : text.substring(0, TEXT_SHOWN) + "…";
    return text.length() + " characters ('" + start + "')";
  }
}
