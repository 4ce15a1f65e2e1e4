package io.meshwatch.agent;

import static io.meshwatch.model.SignalContract.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QualityReporterTest {

  private static final AttributeKey<String> CHECK = AttributeKey.stringKey(ATTR_CHECK);
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(ATTR_OUTCOME);

  private final InMemoryAgent fixture = new InMemoryAgent();
  private final QualityReporter quality = fixture.agent.quality();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void check_countsOutcomesAndRowsPerCheck() {
    quality.check("orders.amount_positive", true, 100, 2);
    quality.check("orders.amount_positive", false, 50, 10);
    quality.check("orders.amount_positive", true, 10, 0);

    var metrics = fixture.collect();
    assertThat(InMemoryAgent.find(metrics, QUALITY_CHECKS).orElseThrow())
        .hasUnit(UNIT_CHECKS)
        .hasLongSumSatisfying(sum -> sum.isMonotonic().isCumulative().hasPointsSatisfying(
            point -> point.hasValue(2).hasAttributes(Attributes.of(CHECK, "orders.amount_positive", OUTCOME, OUTCOME_PASS)),
            point -> point.hasValue(1).hasAttributes(Attributes.of(CHECK, "orders.amount_positive", OUTCOME, OUTCOME_FAIL))));
    assertThat(InMemoryAgent.find(metrics, QUALITY_ROWS_CHECKED).orElseThrow())
        .hasUnit(UNIT_ROWS)
        .hasLongSumSatisfying(sum -> sum.isMonotonic().hasPointsSatisfying(
            point -> point.hasValue(160).hasAttributes(Attributes.of(CHECK, "orders.amount_positive"))));
    assertThat(InMemoryAgent.find(metrics, QUALITY_ROWS_FAILED).orElseThrow())
        .hasUnit(UNIT_ROWS)
        .hasLongSumSatisfying(sum -> sum.isMonotonic().hasPointsSatisfying(
            point -> point.hasValue(12).hasAttributes(Attributes.of(CHECK, "orders.amount_positive"))));
  }

  @Test
  void check_zeroRowCountsAddNoRowSeries() {
    quality.check("orders.schema", true, 0, 0);
    quality.check("orders.ids", true, 50, 0);

    var metrics = fixture.collect();
    assertThat(InMemoryAgent.find(metrics, QUALITY_CHECKS).orElseThrow())
        .hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(
            point -> point.hasValue(1).hasAttributes(Attributes.of(CHECK, "orders.schema", OUTCOME, OUTCOME_PASS)),
            point -> point.hasValue(1).hasAttributes(Attributes.of(CHECK, "orders.ids", OUTCOME, OUTCOME_PASS))));
    assertThat(InMemoryAgent.find(metrics, QUALITY_ROWS_CHECKED).orElseThrow())
        .hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(
            point -> point.hasValue(50).hasAttributes(Attributes.of(CHECK, "orders.ids"))));
    assertThat(InMemoryAgent.find(metrics, QUALITY_ROWS_FAILED)).isEmpty();
  }

  @Test
  void check_equalNamesBuiltAtRunTimeShareOneSeries() {
    String built = new StringBuilder("orders.").append("unique_id").toString();
    quality.check("orders.unique_id", true);
    quality.check(built, true);
    quality.check("orders.unique_id", true);

    assertThat(fixture.metric(QUALITY_CHECKS)).hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(
        point -> point.hasValue(3).hasAttributes(Attributes.of(CHECK, "orders.unique_id", OUTCOME, OUTCOME_PASS))));
  }

  @Test
  void check_alternatingNamesEachKeepTheirOwnSeries() {
    quality.check("orders.a", true);
    quality.check("orders.b", false);
    quality.check(null, true); // dropped: must not disturb the last-used name
    quality.check("orders.a", true);
    quality.check("orders.b", false);
    quality.check("orders.a", false);

    assertThat(fixture.metric(QUALITY_CHECKS)).hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(
        point -> point.hasValue(2).hasAttributes(Attributes.of(CHECK, "orders.a", OUTCOME, OUTCOME_PASS)),
        point -> point.hasValue(1).hasAttributes(Attributes.of(CHECK, "orders.a", OUTCOME, OUTCOME_FAIL)),
        point -> point.hasValue(2).hasAttributes(Attributes.of(CHECK, "orders.b", OUTCOME, OUTCOME_FAIL))));
    assertThat(fixture.agent.droppedRecordings()).isEqualTo(1);
  }

  @Test
  void check_countValidationHoldsAtTheLimitsOfLong() {
    quality.check("orders.max", true, Long.MAX_VALUE, Long.MAX_VALUE);
    quality.check("orders.max_clean", true, Long.MAX_VALUE, 0);
    quality.check("orders.x", true, Long.MIN_VALUE, 0);
    quality.check("orders.x", true, 0, Long.MIN_VALUE);
    quality.check("orders.x", true, Long.MIN_VALUE, Long.MAX_VALUE);
    quality.check("orders.x", true, 0, Long.MAX_VALUE);
    quality.check("orders.x", true, 1, 2);

    assertThat(fixture.agent.droppedRecordings(Drops.Reason.NEGATIVE_COUNT)).isEqualTo(3);
    assertThat(fixture.agent.droppedRecordings(Drops.Reason.ROWS_FAILED_ABOVE_CHECKED)).isEqualTo(2);
    assertThat(fixture.metric(QUALITY_ROWS_CHECKED)).hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(
        point -> point.hasValue(Long.MAX_VALUE).hasAttributes(Attributes.of(CHECK, "orders.max")),
        point -> point.hasValue(Long.MAX_VALUE).hasAttributes(Attributes.of(CHECK, "orders.max_clean"))));
  }

  @Test
  void check_withoutRowsCountsOnlyTheOutcome() {
    quality.check("orders.schema", false);

    var metrics = fixture.collect();
    assertThat(InMemoryAgent.find(metrics, QUALITY_CHECKS).orElseThrow())
        .hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(
            point -> point.hasValue(1).hasAttributes(Attributes.of(CHECK, "orders.schema", OUTCOME, OUTCOME_FAIL))));
    assertThat(InMemoryAgent.find(metrics, QUALITY_ROWS_CHECKED)).isEmpty();
  }

  @Test
  void check_badInputIsDroppedAndCountedNeverThrown() {
    quality.check(null, true, 1, 0);
    quality.check("  ", true);
    quality.check("orders.x", true, -1, 0);
    quality.check("orders.x", true, 5, -1);
    quality.check("orders.x", false, 5, 6);
    quality.check("x".repeat(BoundedAttributeCache.MAX_KEY_LENGTH + 1), true);

    assertThat(fixture.agent.droppedRecordings()).isEqualTo(6);
    assertThat(fixture.agent.droppedRecordings(Drops.Reason.BLANK_NAME)).isEqualTo(2);
    assertThat(fixture.agent.droppedRecordings(Drops.Reason.NEGATIVE_COUNT)).isEqualTo(2);
    assertThat(fixture.agent.droppedRecordings(Drops.Reason.ROWS_FAILED_ABOVE_CHECKED)).isEqualTo(1);
    assertThat(fixture.agent.droppedRecordings(Drops.Reason.NAME_TOO_LONG)).isEqualTo(1);
    assertThat(InMemoryAgent.find(fixture.collect(), QUALITY_CHECKS)).isEmpty();
  }

  @Test
  void check_namesPastTheBoundAreDroppedSoLabelSetsCannotExplode() {
    for (int i = 0; i < BoundedAttributeCache.MAX_KEYS + 5; i++) {
      quality.check("check_" + i, true);
    }
    quality.check("check_0", false); // names admitted earlier keep working

    assertThat(fixture.agent.droppedRecordings(Drops.Reason.TOO_MANY_NAMES)).isEqualTo(5);
    assertThat(fixture.metric(QUALITY_CHECKS))
        .hasLongSumSatisfying(sum -> sum.satisfies(data ->
            assertThat(data.getPoints()).hasSize(BoundedAttributeCache.MAX_KEYS + 1)));
  }

  @Test
  void report_reportsEachExpectationAsACheck() {
    BatchProfile profile = BatchProfiler.create().profile(List.of(
        Map.of("email", "a@x.io", "age", 31),
        Map.of("age", 200),
        Map.of("email", "c@x.io", "age", 45)));
    ProfileExpectations expectations = ProfileExpectations.builder("customers")
        .minRows(2)
        .maxNullRate("email", 0.1)
        .maxValue("age", 130)
        .build();

    List<CheckOutcome> outcomes = quality.report(profile, expectations);

    assertThat(outcomes).extracting(CheckOutcome::check, CheckOutcome::passed).containsExactly(
        org.assertj.core.groups.Tuple.tuple("customers.row_count", true),
        org.assertj.core.groups.Tuple.tuple("customers.email.null_rate", false),
        org.assertj.core.groups.Tuple.tuple("customers.age.max_value", false));
    var metrics = fixture.collect();
    assertThat(InMemoryAgent.find(metrics, QUALITY_CHECKS).orElseThrow())
        .hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(
            point -> point.hasValue(1).hasAttributes(Attributes.of(CHECK, "customers.row_count", OUTCOME, OUTCOME_PASS)),
            point -> point.hasValue(1).hasAttributes(Attributes.of(CHECK, "customers.email.null_rate", OUTCOME, OUTCOME_FAIL)),
            point -> point.hasValue(1).hasAttributes(Attributes.of(CHECK, "customers.age.max_value", OUTCOME, OUTCOME_FAIL))));
    // Only the null-rate check judges rows: 3 checked, the 1 null failed.
    assertThat(InMemoryAgent.find(metrics, QUALITY_ROWS_FAILED).orElseThrow())
        .hasLongSumSatisfying(sum -> sum.hasPointsSatisfying(
            point -> point.hasValue(1).hasAttributes(Attributes.of(CHECK, "customers.email.null_rate"))));
  }

  @Test
  void report_nullArgumentsAreDroppedNotThrown() {
    assertThat(quality.report(null, null)).isEmpty();
    assertThat(fixture.agent.droppedRecordings(Drops.Reason.MISSING_VALUE)).isEqualTo(1);
  }
}
