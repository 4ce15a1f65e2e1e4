package io.meshwatch.collector.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one field may hold. The checking bounds ({@link Count}, {@link Number}, {@link Span},
 * {@link Text}, {@link Items}, {@link Moment}, {@link Recent}, {@link Choice}) answer a value with
 * {@code null} or a {@link Violation}; {@link Section}, {@link Part}, {@link Refused} and {@link Ignored}
 * say why a field needs no check of its own, so that every field a decoder walks still has an entry.
 */
public sealed interface Bound {

  /** How the bound reads in docs and messages, e.g. {@code a whole number from 0 to 9007199254740992}. */
  String describe();

  /** A whole number in {@code [min, max]}. */
  record Count(long min, long max) implements Bound {
    public Count {
      if (min > max) {
        throw new IllegalArgumentException("count bound needs min <= max, got " + min + " > " + max);
      }
    }

    public @Nullable Violation check(long value) {
      return check(value, Long.toString(value));
    }

    /** {@code shown} is the value as written, e.g. a number too large for a long. */
    public @Nullable Violation check(long value, String shown) {
      return value < min ? Violation.of(Violation.Side.BELOW, this, shown)
          : value > max ? Violation.of(Violation.Side.ABOVE, this, shown) : null;
    }

    @Override
    public String describe() {
      return "a whole number from " + min + " to " + max;
    }
  }

  /** A finite number between {@code min} and {@code max}, each end included or not. */
  record Number(double min, boolean minIncluded, double max, boolean maxIncluded) implements Bound {
    public Number {
      if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
        throw new IllegalArgumentException("number bound needs finite min <= max, got " + min + ", " + max);
      }
    }

    public static Number closed(double min, double max) {
      return new Number(min, true, max, true);
    }

    public @Nullable Violation check(double value) {
      return check(value, Shown.number(value));
    }

    public @Nullable Violation check(double value, String shown) {
      if (!Double.isFinite(value)) {
        return Violation.of(value < 0 ? Violation.Side.BELOW : Violation.Side.ABOVE, this, shown);
      }
      if (value < min || (value == min && !minIncluded)) {
        return Violation.of(Violation.Side.BELOW, this, shown);
      }
      return value > max || (value == max && !maxIncluded) ? Violation.of(Violation.Side.ABOVE, this, shown) : null;
    }

    @Override
    public String describe() {
      if (minIncluded && maxIncluded) {
        return "a number from " + Shown.number(min) + " to " + Shown.number(max);
      }
      return "a number " + (minIncluded ? "at least " : "above ") + Shown.number(min)
          + (maxIncluded ? " and at most " : " and below ") + Shown.number(max);
    }
  }

  /** A duration in {@code [min, max]}. */
  record Span(Duration min, Duration max) implements Bound {
    public Span {
      if (min == null || max == null || min.isNegative() || min.compareTo(max) > 0) {
        throw new IllegalArgumentException("duration bound needs 0 <= min <= max, got " + min + ", " + max);
      }
    }

    public @Nullable Violation check(Duration value) {
      return check(value, Shown.duration(value));
    }

    public @Nullable Violation check(Duration value, String shown) {
      return value.compareTo(min) < 0 ? Violation.of(Violation.Side.BELOW, this, shown)
          : value.compareTo(max) > 0 ? Violation.of(Violation.Side.ABOVE, this, shown) : null;
    }

    @Override
    public String describe() {
      return "a duration from " + Shown.duration(min) + " to " + Shown.duration(max);
    }
  }

  /** Text of {@code minLength} to {@code maxLength} characters (UTF-16 code units, as Java counts them). */
  record Text(int minLength, int maxLength) implements Bound {
    public Text {
      if (minLength < 0 || minLength > maxLength) {
        throw new IllegalArgumentException("text bound needs 0 <= min <= max, got " + minLength + ", " + maxLength);
      }
    }

    public @Nullable Violation check(String value) {
      return value.length() < minLength ? Violation.of(Violation.Side.BELOW, this, Shown.text(value))
          : value.length() > maxLength ? Violation.of(Violation.Side.ABOVE, this, Shown.text(value)) : null;
    }

    @Override
    public String describe() {
      return minLength == 0 ? "text of at most " + maxLength + " characters"
          : "text of " + minLength + " to " + maxLength + " characters";
    }
  }

  /** A list or a map of at most {@code max} entries. */
  record Items(int max) implements Bound {
    public Items {
      if (max < 0) {
        throw new IllegalArgumentException("items bound must not be negative, got " + max);
      }
    }

    public @Nullable Violation check(long size) {
      return size > max ? Violation.of(Violation.Side.ABOVE, this, size + " items") : null;
    }

    @Override
    public String describe() {
      return "at most " + max + " items";
    }
  }

  /** A point in time in {@code [earliest, latest]}, whatever the clock says (declared spans). */
  record Moment(Instant earliest, Instant latest) implements Bound {
    public Moment {
      if (earliest == null || latest == null || earliest.isAfter(latest)) {
        throw new IllegalArgumentException("time bound needs earliest <= latest, got " + earliest + ", " + latest);
      }
    }

    public @Nullable Violation check(Instant value) {
      return value.isBefore(earliest) ? Violation.of(Violation.Side.BELOW, this, value.toString())
          : value.isAfter(latest) ? Violation.of(Violation.Side.ABOVE, this, value.toString()) : null;
    }

    @Override
    public String describe() {
      return "a time from " + earliest + " to " + latest;
    }
  }

  /** A reported time: at most {@code before} before the collector's clock and {@code after} after it. */
  record Recent(Duration before, Duration after) implements Bound {
    public Recent {
      if (before == null || after == null || before.isNegative() || after.isNegative()) {
        throw new IllegalArgumentException("recent-time bound needs durations >= 0, got " + before + ", " + after);
      }
    }

    public @Nullable Violation check(Instant value, Instant now) {
      // Compared as distances, never as now ± duration, which may not be a valid Instant.
      if (value.isBefore(now) && Duration.between(value, now).compareTo(before) > 0) {
        return new Violation(Violation.Side.BELOW, "must be " + describe(now) + ", got " + value);
      }
      if (value.isAfter(now) && Duration.between(now, value).compareTo(after) > 0) {
        return new Violation(Violation.Side.ABOVE, "must be " + describe(now) + ", got " + value + " (in the future)");
      }
      return null;
    }

    @Override
    public String describe() {
      return "a time at most " + Shown.duration(before) + " before and " + Shown.duration(after)
          + " after the collector's clock";
    }

    private String describe(Instant now) {
      return describe() + " (" + now + ")";
    }
  }

  /** One of a fixed set of words; the reader that knows them says which were meant. */
  record Choice(List<String> values) implements Bound {
    public Choice {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a choice needs at least one value");
      }
    }

    public @Nullable Violation check(String value) {
      return values.contains(value) ? null : Violation.of(Violation.Side.ABOVE, this, Shown.quoted(value));
    }

    @Override
    public String describe() {
      return "one of " + String.join(", ", values);
    }
  }

  /** A map of named fields, each with an entry of its own. */
  record Section() implements Bound {
    @Override
    public String describe() {
      return "a map of the fields below";
    }
  }

  /** Checked as part of another entry, e.g. a protobuf value as part of the attribute holding it. */
  record Part(String of) implements Bound {
    @Override
    public String describe() {
      return "checked as part of " + of;
    }
  }

  /** A field whose presence refuses what holds it, and why; the decoder looks no further into it. */
  record Refused(String why) implements Bound {
    @Override
    public String describe() {
      return "refused: " + why;
    }
  }

  /** A field the decoder never reads, and why. */
  record Ignored(String why) implements Bound {
    @Override
    public String describe() {
      return "not read: " + why;
    }
  }
}
