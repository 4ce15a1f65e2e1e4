package io.meshwatch.collector.descriptor;

import io.meshwatch.model.DurationLabel;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way meshwatch writes durations in descriptors and config: a number and a unit, as in
 * Prometheus — {@code 250ms}, {@code 90s}, {@code 5m}, {@code 1h}, {@code 28d}, {@code 4w} — or
 * several from largest to smallest, {@code 1h30m}.
 */
public final class DurationText {

  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d|w))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
  private static final List<String> UNITS = List.of("w", "d", "h", "m", "s", "ms");
  private static final String EXAMPLES = "90s, 5m, 1h, 28d or 4w";

  private DurationText() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with a message fit to show a user, naming the text
   */
  public static Duration parse(String text) {
    String trimmed = text.strip();
    if (!WHOLE.matcher(trimmed).matches()) {
      throw new IllegalArgumentException("must be a duration such as " + EXAMPLES + ", got '" + text + "'");
    }
    Duration total = Duration.ZERO;
    int lastUnit = -1;
    Matcher part = PART.matcher(trimmed);
    try {
      while (part.find()) {
        int unit = UNITS.indexOf(part.group(2));
        if (unit <= lastUnit) {
          throw new IllegalArgumentException(
              "must be a duration with each unit once, largest first (e.g. 1h30m), got '" + text + "'");
        }
        lastUnit = unit;
        total = total.plus(of(Long.parseLong(part.group(1)), part.group(2)));
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration is too long: '" + text + "'");
    }
    return total;
  }

  /**
   * Writes {@code duration} in the largest unit that holds it exactly, up to days ({@code 28d}, not
   * {@code 4w}), so that {@link #parse(String)} reads it back to the same value.
   *
   * @throws IllegalArgumentException for negative durations or ones finer than a millisecond
   */
  public static String format(Duration duration) {
    return DurationLabel.of(duration);
  }

  private static Duration of(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      case "w" -> Duration.ofDays(Math.multiplyExact(amount, 7));
      default -> throw new IllegalStateException("unit " + unit);
    };
  }
}
