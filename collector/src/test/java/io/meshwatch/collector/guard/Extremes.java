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

  /** One value for a field, and what it is, for the property's report. */
  public record Edge(String what, Object value) {
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
        edges.add(new Edge("count " + value, value));
      }
      edges.add(new Edge("integer past long", new BigInteger(HUGE_INTEGER)));
      edges.add(new Edge("fraction", 1.5));
    } else if (bound instanceof Bound.Number number) {
      for (double value : new double[] {number.min(), number.max(), Math.nextDown(number.min()), Math.nextUp(number.max()),
          0, -0.0, -1, 1e-300, 1e300, -1e300, (number.min() + number.max()) / 2, number.max() * 2 + 1}) {
        edges.add(new Edge("number " + value, value));
      }
      edges.add(new Edge("integer past long", new BigInteger(HUGE_INTEGER)));
    } else if (bound instanceof Bound.Span span) {
      for (Duration value : new Duration[] {span.min(), span.max(), span.max().plusMillis(1), Duration.ZERO,
          Duration.ofMillis(1), Duration.ofDays(106_751_991_167_300L), Duration.ofHours(999_999_999_999_999L)}) {
        edges.add(new Edge("duration " + DurationLabel.of(value), DurationLabel.of(value)));
      }
      if (!span.min().isZero()) {
        edges.add(new Edge("just under min", DurationLabel.of(span.min().minusMillis(1))));
      }
      edges.add(new Edge("digits past long", "99999999999999999999d"));
      edges.add(new Edge("negative", "-1h"));
    } else if (bound instanceof Bound.Text text) {
      edges.add(new Edge("empty", ""));
      edges.add(new Edge("blank", " "));
      edges.add(new Edge("min length", "a".repeat(Math.max(1, text.minLength()))));
      edges.add(new Edge("max length", "a".repeat(text.maxLength())));
      edges.add(new Edge("max length of two-unit characters", "😀".repeat(text.maxLength() / 2)));
      edges.add(new Edge("just past max length", "a".repeat(text.maxLength() + 1)));
      edges.add(new Edge("very long", "a".repeat(200_000)));
      edges.add(new Edge("control characters", "a\u0000b\nc\"d"));
    } else if (bound instanceof Bound.Items items) {
      for (int count : new int[] {0, 1, items.max(), items.max() + 1}) {
        edges.add(new Edge(count + " items", new Items(count)));
      }
    } else if (bound instanceof Bound.Moment moment) {
      times(edges, moment.earliest(), moment.latest());
    } else if (bound instanceof Bound.Recent recent) {
      times(edges, now.minus(recent.before()), now.plus(recent.after()));
    } else if (bound instanceof Bound.Choice choice) {
      choice.values().forEach(value -> edges.add(new Edge("choice " + value, value)));
      edges.add(new Edge("no choice", "x"));
      edges.add(new Edge("empty", ""));
      edges.add(new Edge("long", "x".repeat(100_000)));
    }
    return edges;
  }

  private static void times(List<Edge> edges, Instant earliest, Instant latest) {
    for (Instant value : new Instant[] {earliest, latest, earliest.minusSeconds(1), latest.plusSeconds(1), Instant.EPOCH,
        Instant.parse("-999999999-01-01T00:00:00Z"), Instant.parse("+999999999-12-31T23:59:59Z")}) {
      edges.add(new Edge("time " + value, value.toString()));
    }
    edges.add(new Edge("not a time", "yesterday"));
  }
}
