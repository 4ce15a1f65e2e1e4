package io.meshwatch.collector.guard;

import io.meshwatch.model.DurationLabel;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The values at and past a bound's extremes that a property test drives a field with: each end, just
 * inside and just past it, zero, negatives, huge values, empty and very long text, too many items.
 * Values are what a transport writes: numbers as {@code Long}, {@code BigInteger} or {@code Double},
 * durations and times as text, text as text, items as an {@link Items} count.
 */
public final class Extremes {

  /** A number of copies of a valid item. */
  public record Items(int count) {}

  /**
   * One value for a field, what it is (for the property's report), and whether the field's own bound
   * takes it: a value inside may still be refused, when it makes the rest of a document inconsistent
   * (a threshold that no longer fits an SLI changed to another), but one outside always is.
   */
  public record Edge(String what, Object value, boolean inside) {
    @Override
    public String toString() {
      String shown = value instanceof String text && text.length() > 60 ? text.substring(0, 60) + "… (" + text.length() + ")" : String.valueOf(value);
      return what + " = " + shown;
    }
  }

  private static final String HUGE_INTEGER = "99999999999999999999999999";

  private Extremes() {}

  /** The edges of {@code bound} with the collector's clock at {@code now}; none for bounds without extremes of their own. */
  public static List<Edge> of(Bound bound, Instant now) {
    List<Edge> edges = new ArrayList<>();
    if (bound instanceof Bound.Count count) {
      for (long value : new long[] {count.min(), count.max(), count.min() - 1, count.max() + 1, 0, -1, count.max() / 2,
          Long.MAX_VALUE, Long.MIN_VALUE}) {
        edges.add(edge(bound, now, "count " + value, value));
      }
      edges.add(edge(bound, now, "integer past long", new BigInteger(HUGE_INTEGER)));
      edges.add(edge(bound, now, "fraction", 1.5));
    } else if (bound instanceof Bound.Number number) {
      for (double value : new double[] {number.min(), number.max(), Math.nextDown(number.min()), Math.nextUp(number.max()),
          0, -0.0, -1, 1e-300, 1e300, -1e300, (number.min() + number.max()) / 2, number.max() * 2 + 1}) {
        edges.add(edge(bound, now, "number " + value, value));
      }
      edges.add(edge(bound, now, "integer past long", new BigInteger(HUGE_INTEGER)));
    } else if (bound instanceof Bound.Span span) {
      for (Duration value : new Duration[] {span.min(), span.max(), span.max().plusMillis(1), Duration.ZERO,
          Duration.ofMillis(1), Duration.ofDays(106_751_991_167_300L), Duration.ofHours(999_999_999_999_999L)}) {
        edges.add(edge(bound, now, "duration " + DurationLabel.of(value), DurationLabel.of(value)));
      }
      if (!span.min().isZero()) {
        edges.add(edge(bound, now, "just under min", DurationLabel.of(span.min().minusMillis(1))));
      }
      edges.add(edge(bound, now, "digits past long", "99999999999999999999d"));
      edges.add(edge(bound, now, "negative", "-1h"));
    } else if (bound instanceof Bound.Text text) {
      edges.add(edge(bound, now, "empty", ""));
      edges.add(edge(bound, now, "blank", " "));
      edges.add(edge(bound, now, "min length", "a".repeat(Math.max(1, text.minLength()))));
      edges.add(edge(bound, now, "max length", "a".repeat(text.maxLength())));
      edges.add(edge(bound, now, "max length of two-unit characters", "😀".repeat(text.maxLength() / 2)));
      edges.add(edge(bound, now, "just past max length", "a".repeat(text.maxLength() + 1)));
      edges.add(edge(bound, now, "very long", "a".repeat(200_000)));
      edges.add(edge(bound, now, "control characters", "a\u0000b\nc\"d"));
    } else if (bound instanceof Bound.Items items) {
      for (int count : new int[] {0, 1, items.max(), items.max() + 1}) {
        edges.add(edge(bound, now, count + " items", new Items(count)));
      }
    } else if (bound instanceof Bound.Moment moment) {
      times(bound, now, edges, moment.earliest(), moment.latest());
    } else if (bound instanceof Bound.Recent recent) {
      times(bound, now, edges, now.minus(recent.before()), now.plus(recent.after()));
    } else if (bound instanceof Bound.Choice choice) {
      choice.values().forEach(value -> edges.add(edge(bound, now, "choice " + value, value)));
      edges.add(edge(bound, now, "no choice", "x"));
      edges.add(edge(bound, now, "empty", ""));
      edges.add(edge(bound, now, "long", "x".repeat(100_000)));
    }
    return edges;
  }

  private static Edge edge(Bound bound, Instant now, String what, Object value) {
    return new Edge(what, value, inside(bound, now, value));
  }

  private static boolean inside(Bound bound, Instant now, Object value) {
    try {
      if (bound instanceof Bound.Count count) {
        return value instanceof Long number && count.check(number) == null;
      }
      if (bound instanceof Bound.Number number) {
        return value instanceof Double real ? number.check(real) == null
            : value instanceof Long whole && number.check(whole) == null;
      }
      if (bound instanceof Bound.Span span) {
        return span.check(io.meshwatch.collector.descriptor.DurationText.parse((String) value)) == null;
      }
      if (bound instanceof Bound.Text text) {
        return text.check((String) value) == null && (text.minLength() == 0 || !((String) value).isBlank());
      }
      if (bound instanceof Bound.Items items) {
        return items.check(((Items) value).count()) == null;
      }
      if (bound instanceof Bound.Moment moment) {
        return moment.check(Instant.parse((String) value)) == null;
      }
      if (bound instanceof Bound.Recent recent) {
        return recent.check(Instant.parse((String) value), now) == null;
      }
      if (bound instanceof Bound.Choice choice) {
        return choice.values().contains(value);
      }
    } catch (RuntimeException e) {
      return false; // not even of the field's kind
    }
    return false;
  }

  private static void times(Bound bound, Instant now, List<Edge> edges, Instant earliest, Instant latest) {
    for (Instant value : new Instant[] {earliest, latest, earliest.minusSeconds(1), latest.plusSeconds(1), Instant.EPOCH,
        Instant.parse("-999999999-01-01T00:00:00Z"), Instant.parse("+999999999-12-31T23:59:59Z")}) {
      edges.add(edge(bound, now, "time " + value, value.toString()));
    }
    edges.add(edge(bound, now, "not a time", "yesterday"));
  }
}
