package io.meshwatch.collector.store;

import org.jspecify.annotations.Nullable;

/** Good and total events of an SLI over some span of time; {@code 0 <= good <= total}. */
public record Counts(long good, long total) {

  public static final Counts ZERO = new Counts(0, 0);

  public Counts {
    if (good < 0 || total < good) {
      throw new IllegalArgumentException("counts need 0 <= good <= total, got good=" + good + " total=" + total);
    }
  }

  /** Whether nothing was counted. */
  public boolean isEmpty() {
    return total == 0;
  }

  /** The share of good events, or {@code null} when nothing was counted. */
  public @Nullable Double ratio() {
    return total == 0 ? null : (double) good / total;
  }
}
