package io.meshwatch.agent;

import static io.meshwatch.model.SignalContract.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunHandleTest {

  private static final Attributes SUCCEEDED = Attributes.of(AttributeKey.stringKey(ATTR_RUN_STATUS), RUN_SUCCEEDED);
  private static final Attributes FAILED = Attributes.of(AttributeKey.stringKey(ATTR_RUN_STATUS), RUN_FAILED);

  private final InMemoryAgent fixture = new InMemoryAgent();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void succeeded_countsTheRunAndTimesItOnTheAgentClock() {
    RunHandle run = fixture.agent.startRun();
    fixture.clock.advance(Duration.ofSeconds(90).plusMillis(500));
    run.succeeded();

    var metrics = fixture.collect();
    assertThat(InMemoryAgent.find(metrics, RUNS).orElseThrow())
        .hasUnit(UNIT_RUNS)
        .hasLongSumSatisfying(sum -> sum.isMonotonic().hasPointsSatisfying(
            point -> point.hasValue(1).hasAttributes(SUCCEEDED)));
    assertThat(InMemoryAgent.find(metrics, RUN_DURATION).orElseThrow())
        .hasUnit(UNIT_SECONDS)
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(
            point -> point.hasCount(1).hasSum(90.5).hasAttributes(SUCCEEDED)));
  }

  @Test
  void failed_firstOutcomeWinsAndLaterOnesAreIgnored() {
    RunHandle run = fixture.agent.startRun();
    fixture.clock.advance(Duration.ofSeconds(10));
    run.failed(new IllegalStateException("upstream missing"));
    fixture.clock.advance(Duration.ofSeconds(10));
    run.succeeded();
    run.failed(null);
    run.close();

    assertThat(run.isEnded()).isTrue();
    var metrics = fixture.collect();
    assertThat(InMemoryAgent.find(metrics, RUNS).orElseThrow())
        .hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(point -> point.hasValue(1).hasAttributes(FAILED)));
    assertThat(InMemoryAgent.find(metrics, RUN_DURATION).orElseThrow())
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(
            point -> point.hasCount(1).hasSum(10).hasAttributes(FAILED)));
  }

  @Test
  void close_withoutOutcomeReportsAFailedRun() {
    try (RunHandle run = fixture.agent.startRun()) {
      fixture.clock.advance(Duration.ofSeconds(3));
      // an exception would escape here; the run never reaches succeeded()
    }

    assertThat(fixture.metric(RUNS))
        .hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(point -> point.hasValue(1).hasAttributes(FAILED)));
  }

  @Test
  void succeeded_clockSteppingBackGivesZeroDurationNotNegative() {
    RunHandle run = fixture.agent.startRun();
    fixture.clock.advance(Duration.ofSeconds(-30));
    run.succeeded();

    assertThat(fixture.metric(RUN_DURATION)).hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(
        point -> point.hasCount(1).hasSum(0).hasAttributes(SUCCEEDED)));
  }

  @Test
  void startRun_runsAreIndependent() {
    RunHandle first = fixture.agent.startRun();
    fixture.clock.advance(Duration.ofSeconds(5));
    RunHandle second = fixture.agent.startRun();
    fixture.clock.advance(Duration.ofSeconds(5));
    first.succeeded();
    second.succeeded();

    assertThat(fixture.metric(RUN_DURATION)).hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(
        point -> point.hasCount(2).hasSum(15).hasMin(5).hasMax(10)));
  }
}
