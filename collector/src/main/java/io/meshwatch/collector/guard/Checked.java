package io.meshwatch.collector.guard;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Holds a value a reader parsed to its field's bound, whatever the bound's kind. */
public final class Checked {

  private Checked() {}

  /**
   * What is wrong with {@code value} (parsed from {@code text}) under {@code bound}, or null. A value
   * of another type than the bound's (a calendar window for a duration's bound) is the reader's to
   * check, as is text, which is held to a {@link Bound.Text} before it is parsed.
   */
  public static @Nullable Violation value(Bound bound, Object value, String text) {
    String shown = Shown.cut(text.strip());
    if (bound instanceof Bound.Span span && value instanceof Duration duration) {
      return span.check(duration, shown);
    }
    if (bound instanceof Bound.Count count && value instanceof Number number && !(value instanceof Double)) {
      return count.check(number.longValue(), shown);
    }
    if (bound instanceof Bound.Number number && value instanceof Double real) {
      return number.check(real, shown);
    }
    if (bound instanceof Bound.Moment moment && value instanceof Instant instant) {
      return moment.check(instant);
    }
    return null;
  }
}
