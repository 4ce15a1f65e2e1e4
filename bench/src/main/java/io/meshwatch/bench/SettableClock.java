package io.meshwatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** An {@link InstantSource} the benchmark moves by hand, so 30 days of history take seconds, not days. */
final class SettableClock implements InstantSource {

  private volatile Instant now;

  SettableClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  void set(Instant instant) {
    now = instant;
  }

  void advance(Duration by) {
    now = now.plus(by);
  }
}
