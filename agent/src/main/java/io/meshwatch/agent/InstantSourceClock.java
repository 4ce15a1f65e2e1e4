package io.meshwatch.agent;

import io.opentelemetry.sdk.common.Clock;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Lets the OpenTelemetry SDK read the agent's injected time, so exported timestamps follow a test's
 * fake clock. An injected source has no separate monotonic clock, so {@link #nanoTime()} is the
 * same reading as {@link #now()}.
 */
final class InstantSourceClock implements Clock {

  private final InstantSource source;

  InstantSourceClock(InstantSource source) {
    this.source = source;
  }

  @Override
  public long now() {
    Instant now = source.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public long nanoTime() {
    return now();
  }
}
