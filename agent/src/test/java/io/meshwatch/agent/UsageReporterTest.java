package io.meshwatch.agent;

import static io.meshwatch.model.SignalContract.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageReporterTest {

  private static final AttributeKey<String> CONSUMER = AttributeKey.stringKey(ATTR_CONSUMER);
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(ATTR_OUTCOME);

  private final InMemoryAgent fixture = new InMemoryAgent();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void read_countsReadsByConsumerAndOutcomeAndTimesThemInSeconds() {
    fixture.agent.usage().read("finance.revenue", true, Duration.ofMillis(250));
    fixture.agent.usage().read("finance.revenue", false, Duration.ofMillis(1_500));
    fixture.agent.usage().read("ops.dashboard", true, Duration.ofMillis(20));

    var metrics = fixture.collect();
    assertThat(InMemoryAgent.find(metrics, USAGE_READS).orElseThrow())
        .hasUnit(UNIT_READS)
        .hasLongSumSatisfying(sum -> sum.isMonotonic().hasPointsSatisfying(
            point -> point.hasValue(1).hasAttributes(Attributes.of(CONSUMER, "finance.revenue", OUTCOME, OUTCOME_SUCCESS)),
            point -> point.hasValue(1).hasAttributes(Attributes.of(CONSUMER, "finance.revenue", OUTCOME, OUTCOME_FAILURE)),
            point -> point.hasValue(1).hasAttributes(Attributes.of(CONSUMER, "ops.dashboard", OUTCOME, OUTCOME_SUCCESS))));
    assertThat(InMemoryAgent.find(metrics, USAGE_READ_DURATION).orElseThrow())
        .hasUnit(UNIT_SECONDS)
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(
            point -> point.hasCount(2).hasSum(1.75).hasAttributes(Attributes.of(CONSUMER, "finance.revenue"))
                .hasBucketBoundaries(Instruments.READ_SECONDS_BUCKETS.stream().mapToDouble(Double::doubleValue).toArray()),
            point -> point.hasCount(1).hasSum(0.02).hasAttributes(Attributes.of(CONSUMER, "ops.dashboard"))));
  }

  @Test
  void read_alternatingConsumersEachKeepTheirOwnSeries() {
    fixture.agent.usage().read("a", true, Duration.ofMillis(1));
    fixture.agent.usage().read("b", true, Duration.ofMillis(1));
    fixture.agent.usage().read(" ", true, Duration.ofMillis(1)); // dropped: must not disturb the last-used consumer
    fixture.agent.usage().read("a", true, Duration.ofMillis(1));

    assertThat(fixture.metric(USAGE_READS)).hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(
        point -> point.hasValue(2).hasAttributes(Attributes.of(CONSUMER, "a", OUTCOME, OUTCOME_SUCCESS)),
        point -> point.hasValue(1).hasAttributes(Attributes.of(CONSUMER, "b", OUTCOME, OUTCOME_SUCCESS))));
  }

  @Test
  void read_badInputIsDroppedAndCountedNeverThrown() {
    fixture.agent.usage().read(null, true, Duration.ofMillis(1));
    fixture.agent.usage().read("", true, Duration.ofMillis(1));
    fixture.agent.usage().read("finance.revenue", true, null);
    fixture.agent.usage().read("finance.revenue", true, Duration.ofMillis(-1));

    assertThat(fixture.agent.droppedRecordings()).isEqualTo(4);
    assertThat(fixture.agent.droppedRecordings(Drops.Reason.NEGATIVE_DURATION)).isEqualTo(1);
    assertThat(InMemoryAgent.find(fixture.collect(), USAGE_READS)).isEmpty();
  }
}
