package io.meshwatch.collector.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A token bucket: holds at most {@code burst} requests, refilled at {@code perSecond} on the clock
 * given. A clock that steps back refills nothing, and counts on from where it went. Safe for
 * concurrent use.
 */
final class TokenBucket {

  private final double perSecond;
  private final int burst;
  private final InstantSource clock;
  private double tokens;
  private Instant refilledAt;

  TokenBucket(double perSecond, int burst, InstantSource clock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.refilledAt = clock.instant();
  }

  /**
   * Takes one request's place.
   *
   * @return zero when taken; otherwise how long until one is free (nothing taken)
   */
  synchronized Duration tryTake() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
  }

  /** Gives back a place taken for a request that was refused for another reason after all. */
  synchronized void giveBack() {
    tokens = Math.min(burst, tokens + 1);
  }

  private void refill() {
    Instant now = clock.instant();
    if (now.isAfter(refilledAt)) {
      double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + seconds * perSecond);
    }
    // Also when the clock went back: it refills nothing, and time from there on counts again.
    refilledAt = now;
  }
}
