package io.meshwatch.alerting.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (the wait is drawn uniformly between zero and the capped
 * exponential), so that receivers coming back are not hit by every outbox at the same instant.
 */
final class Backoff {
  private final long initialNanos;
  private final long maxNanos;

  Backoff(Duration initial, Duration max) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
  }

  /** The longest wait after {@code failures} failed attempts (at least 1). */
  Duration cap(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, got " + failures);
    }
    int doublings = failures - 1;
    if (doublings >= 62 || initialNanos > (maxNanos >> doublings)) {
      return Duration.ofNanos(maxNanos);
    }
    return Duration.ofNanos(Math.min(maxNanos, initialNanos << doublings));
  }

  /** A wait in {@code [0, cap(failures)]}. */
  Duration delay(int failures, RandomGenerator random) {
    return Duration.ofNanos(Math.round(random.nextDouble() * cap(failures).toNanos()));
  }
}
