package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class NotifierSettingsTest {

  @Test
  void constructor_defaultsTheResendIntervalToPrometheus() {
    NotifierSettings settings = new NotifierSettings(URI.create("http://x"), Duration.ofSeconds(1), InstantSource.system());

    assertThat(settings.resendInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void constructor_reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> new NotifierSettings(URI.create("http://x"), Duration.ZERO, null, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid notifier settings: clock is missing; timeout must be positive, got PT0S; "
            + "resendInterval must be positive, got PT-1S");
  }
}
