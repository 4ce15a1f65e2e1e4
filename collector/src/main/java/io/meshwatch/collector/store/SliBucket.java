package io.meshwatch.collector.store;

import java.time.Instant;

/** The events of one bucket of a series' history: those that happened in {@code [start, start + step)}. */
public record SliBucket(Instant start, long good, long total) {

  public SliBucket {
    if (good < 0 || total < good) {
      throw new IllegalArgumentException("a bucket needs 0 <= good <= total, got " + good + " of " + total);
    }
  }
}
