package io.meshwatch.collector.http;

import java.time.Duration;

/**
 * A request refused under the one rule for refusals: {@code 429} when this product or token is over
 * its own budget, {@code 503} when the collector as a whole is overloaded or cannot store. Both say
 * when to come back.
 *
 * @param status 429 or 503
 * @param message what is refused and why, for the client
 * @param retryAfter how long the client should wait before trying again
 */
record Refusal(int status, String message, Duration retryAfter) {

  static final int OVER_BUDGET = 429;
  static final int UNAVAILABLE = 503;

  Refusal {
    if (status != OVER_BUDGET && status != UNAVAILABLE) {
      throw new IllegalArgumentException("a refusal is 429 or 503, got " + status);
    }
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
    }
  }

  /** 429: this product's or token's own budget is spent for now. */
  static Refusal overBudget(String message, Duration retryAfter) {
    return new Refusal(OVER_BUDGET, message, retryAfter);
  }

  /** 503: the collector as a whole cannot take the request now. */
  static Refusal unavailable(String message, Duration retryAfter) {
    return new Refusal(UNAVAILABLE, message, retryAfter);
  }

  /** The {@code Retry-After} value: whole seconds, rounded up, at least 1. */
  long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  /** {@code wait} as a {@code Retry-After} value: whole seconds, rounded up, at least 1. */
  static long seconds(Duration wait) {
    return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
  }
}
