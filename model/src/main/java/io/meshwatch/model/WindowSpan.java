package io.meshwatch.model;

import java.time.Duration;
import java.time.Instant;

/** A span of time {@code [start, end)}. */
public record WindowSpan(Instant start, Instant end) {

  public WindowSpan {
    if (start == null || end == null || !end.isAfter(start)) {
      throw new IllegalArgumentException("a span needs start before end, got [" + start + ", " + end + ")");
    }
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** Whether {@code instant} lies in {@code [start, end)}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** Whether the two spans share any instant. */
  public boolean overlaps(WindowSpan other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }
}
