package io.meshwatch.collector.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bucket over its whole period, on a clock the test moves. */
class TokenBucketTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));

  @Test
  void tryTake_spendsTheBurstThenWaitsForTheRefill() {
    TokenBucket bucket = new TokenBucket(2, 3, clock);

    for (int i = 0; i < 3; i++) {
      assertThat(bucket.tryTake()).isZero();
    }
    assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));
    clock.advance(Duration.ofMillis(250));
    assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(250));
    clock.advance(Duration.ofMillis(250));
    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void tryTake_aLongQuietPeriod_refillsNoMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(10, 5, clock);
    for (int i = 0; i < 5; i++) {
      bucket.tryTake();
    }

    clock.advance(Duration.ofDays(3));

    for (int i = 0; i < 5; i++) {
      assertThat(bucket.tryTake()).as("take %d", i).isZero();
    }
    assertThat(bucket.tryTake()).isPositive();
  }

  @Test
  void tryTake_aClockThatGoesBack_refillsNothing() {
    TokenBucket bucket = new TokenBucket(1, 1, clock);
    bucket.tryTake();

    clock.advance(Duration.ofSeconds(-30));
    assertThat(bucket.tryTake()).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(bucket.tryTake()).isZero();
  }

  @Test
  void giveBack_returnsATakenPlaceButNeverBeyondTheBurst() {
    TokenBucket bucket = new TokenBucket(1, 2, clock);
    bucket.tryTake();
    bucket.tryTake();

    bucket.giveBack();
    bucket.giveBack();
    bucket.giveBack();

    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isPositive();
  }
}
