package io.meshwatch.agent;

import static io.meshwatch.model.SignalContract.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FreshnessReporterTest {

  private final InMemoryAgent fixture = new InMemoryAgent();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void updated_setsDataTimeInEpochSeconds() {
    fixture.agent.freshness().updated(Instant.parse("2024-05-01T09:30:00.250Z"));

    assertThat(fixture.metric(FRESHNESS_DATA_TIME))
        .hasUnit(UNIT_SECONDS)
        .hasDoubleGaugeSatisfying(gauge -> gauge.hasPointsSatisfying(
            point -> point.hasValue(1_714_555_800.25).hasAttributes(io.opentelemetry.api.common.Attributes.empty())));
  }

  @Test
  void updated_newestValueWinsAndIsReExportedEveryCollection() {
    fixture.agent.freshness().updated(Instant.parse("2024-05-01T08:00:00Z"));
    fixture.agent.freshness().updated(Instant.parse("2024-05-01T09:00:00Z"));

    assertThat(fixture.metric(FRESHNESS_DATA_TIME))
        .hasDoubleGaugeSatisfying(gauge -> gauge.hasPointsSatisfying(point -> point.hasValue(1_714_554_000)));
    // A quiet pipeline must keep telling the collector how old its data is.
    assertThat(fixture.metric(FRESHNESS_DATA_TIME))
        .hasDoubleGaugeSatisfying(gauge -> gauge.hasPointsSatisfying(point -> point.hasValue(1_714_554_000)));
  }

  @Test
  void updated_withoutArgumentUsesTheAgentClock() {
    fixture.clock.advance(Duration.ofMinutes(5));

    fixture.agent.freshness().updated();

    assertThat(fixture.metric(FRESHNESS_DATA_TIME)).hasDoubleGaugeSatisfying(gauge -> gauge.hasPointsSatisfying(
        point -> point.hasValue(InMemoryAgent.START.plus(Duration.ofMinutes(5)).getEpochSecond())));
  }

  @Test
  void updated_nullIsDroppedAndCounted() {
    fixture.agent.freshness().updated(null);

    assertThat(fixture.agent.droppedRecordings()).isEqualTo(1);
    assertThat(InMemoryAgent.find(fixture.collect(), FRESHNESS_DATA_TIME)).isEmpty();
  }
}
