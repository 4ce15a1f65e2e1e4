package io.meshwatch.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

  @Test
  void cap_doublesPerFailureUpToTheMax() {
    assertThat(backoff.cap(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.cap(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.cap(9)).isEqualTo(Duration.ofSeconds(256));
    assertThat(backoff.cap(10)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.cap(Integer.MAX_VALUE)).as("no overflow").isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void delay_staysBetweenZeroAndTheCapAndAveragesHalfOfIt() {
    SplittableRandom random = new SplittableRandom(1);
    double sum = 0;
    int draws = 2000;
    for (int i = 0; i < draws; i++) {
      Duration delay = backoff.delay(3, random);
      assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(4));
      sum += delay.toMillis();
    }
    // Uniform on [0, 4 s]: the mean is 2 s, its standard error 1155/sqrt(2000) = 26 ms.
    assertThat(sum / draws).isBetween(1900.0, 2100.0);
  }
}
