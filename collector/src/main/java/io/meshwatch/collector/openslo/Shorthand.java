package io.meshwatch.collector.openslo;

import io.meshwatch.model.CalendarPeriod;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * OpenSLO's duration-shorthand: a positive whole number and one of {@code m h d w M Q Y}. Minutes to
 * weeks are fixed lengths; months, quarters and years are only meaningful as calendar periods.
 */
record Shorthand(long amount, char unit, String text) {

  private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,8})([mhdwMQY])");

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text, with examples
   */
  static Shorthand parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "must be an OpenSLO duration such as 5m, 1h, 28d, 4w, 1M or 1Q, got '" + text + "'");
    }
    return new Shorthand(Long.parseLong(m.group(1)), m.group(2).charAt(0), text.strip());
  }

  /** A fixed duration (minutes to weeks); a month, quarter or year is not one. */
  static Duration fixed(String text) {
    Shorthand shorthand = parse(text);
    Duration duration = shorthand.fixed();
    if (duration == null) {
      throw new IllegalArgumentException("must be in minutes (m), hours (h), days (d) or weeks (w) here, such as 1h or 28d, got '"
          + text + "': months, quarters and years have no fixed length");
    }
    return duration;
  }

  @Nullable Duration fixed() {
    return switch (unit) {
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      case 'w' -> Duration.ofDays(amount * 7);
      default -> null;
    };
  }

  /** The calendar period this is exactly one of ({@code 1w}, {@code 1M}, {@code 1Q}), if any. */
  @Nullable CalendarPeriod period() {
    if (amount != 1) {
      return null;
    }
    return switch (unit) {
      case 'w' -> CalendarPeriod.WEEK;
      case 'M' -> CalendarPeriod.MONTH;
      case 'Q' -> CalendarPeriod.QUARTER;
      default -> null;
    };
  }
}
