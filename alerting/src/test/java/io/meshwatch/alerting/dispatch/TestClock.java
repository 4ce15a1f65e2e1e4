package io.meshwatch.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand (the alerting package's MutableClock is not visible here). */
final class TestClock implements InstantSource {
  private Instant now;

  TestClock(Instant start) {
    this.now = start;
  }

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
