package io.meshwatch.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestLimitsTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    assertThat(IngestLimits.defaults())
        .isEqualTo(new IngestLimits(Duration.ofMinutes(5), 1_000_000, Duration.ofHours(1), 10_000));
  }

  @Test
  void constructor_refusesLimitsThatCannotWorkNamingTheField() {
    Duration hour = Duration.ofHours(1);
    assertThatThrownBy(() -> new IngestLimits(Duration.ofSeconds(-1), 1, hour, 1)).hasMessageContaining("maxClockSkew");
    assertThatThrownBy(() -> new IngestLimits(Duration.ofDays(2), 1, hour, 1)).hasMessageContaining("maxClockSkew");
    assertThatThrownBy(() -> new IngestLimits(hour, 0, hour, 1)).hasMessageContaining("maxSeries must be at least 1, got 0");
    assertThatThrownBy(() -> new IngestLimits(hour, 1, Duration.ZERO, 1)).hasMessageContaining("seriesIdleTimeout");
    assertThatThrownBy(() -> new IngestLimits(hour, 1, hour, 0)).hasMessageContaining("maxEventsPerRequest");
  }
}
