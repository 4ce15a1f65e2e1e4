package io.meshwatch.alerting.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand (safe to read from delivery threads). */
final class TestClock implements InstantSource {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private volatile Instant now = T0;

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration step) {
    now = now.plus(step);
  }

  void set(Instant instant) {
    now = instant;
  }
}
