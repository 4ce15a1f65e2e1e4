package io.meshwatch.agent;

import static io.meshwatch.model.SignalContract.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VolumeReporterTest {

  private final InMemoryAgent fixture = new InMemoryAgent();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void rowsWritten_recordsOneMeasurementPerRunInASingleBucket() {
    fixture.agent.volume().rowsWritten(1_000);
    fixture.agent.volume().rowsWritten(500);
    fixture.agent.volume().rowsWritten(0);

    assertThat(fixture.metric(VOLUME_ROWS))
        .hasUnit(UNIT_ROWS)
        .hasHistogramSatisfying(histogram -> histogram.isCumulative().hasPointsSatisfying(
            point -> point.hasCount(3).hasSum(1_500).hasMin(0).hasMax(1_000)
                .hasBucketBoundaries().hasBucketCounts(3)
                .hasAttributes(io.opentelemetry.api.common.Attributes.empty())));
  }

  @Test
  void rowsWritten_negativeIsDroppedAndCounted() {
    fixture.agent.volume().rowsWritten(-3);

    assertThat(fixture.agent.droppedRecordings(Drops.Reason.NEGATIVE_COUNT)).isEqualTo(1);
    assertThat(InMemoryAgent.find(fixture.collect(), VOLUME_ROWS)).isEmpty();
  }
}
