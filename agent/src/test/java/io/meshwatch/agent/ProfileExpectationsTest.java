package io.meshwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileExpectationsTest {

  private static final BatchProfile PROFILE = new BatchProfile(100, List.of(
      new ColumnProfile("email", 100, 4, 96, true, null),
      new ColumnProfile("age", 100, 0, 60, true, new NumericSummary(100, 18, 97, 40, 12, 38, 70)),
      new ColumnProfile("country", 100, 0, 12_000, false, null)));

  @Test
  void evaluate_passingExpectationsPassWithRowsWhereMeaningful() {
    ProfileExpectations expectations = ProfileExpectations.builder("customers")
        .minRows(100)
        .maxNullRate("email", 0.05)
        .minDistinct("email", 90)
        .minValue("age", 0).maxValue("age", 130)
        .build();

    assertThat(expectations.evaluate(PROFILE))
        .extracting(CheckOutcome::check, CheckOutcome::passed, CheckOutcome::rowsChecked, CheckOutcome::rowsFailed)
        .containsExactly(
            tuple("customers.row_count", true, 0L, 0L),
            tuple("customers.email.null_rate", true, 100L, 4L),
            tuple("customers.email.min_distinct", true, 0L, 0L),
            tuple("customers.age.min_value", true, 0L, 0L),
            tuple("customers.age.max_value", true, 0L, 0L));
  }

  @Test
  void evaluate_violatedExpectationsFailAndSayWhy() {
    ProfileExpectations expectations = ProfileExpectations.builder("customers")
        .minRows(101)
        .maxNullRate("email", 0.03)
        .maxDistinct("country", 300)
        .minValue("age", 21)
        .maxValue("age", 90)
        .build();

    List<CheckOutcome> outcomes = expectations.evaluate(PROFILE);

    assertThat(outcomes).noneMatch(CheckOutcome::passed);
    assertThat(outcomes).extracting(CheckOutcome::detail).containsExactly(
        "100 rows, expected at least 101",
        "null rate 0.0400 (4 of 100 rows), expected at most 0.0300",
        "about 12000 distinct values, expected at most 300",
        "min 18.0, expected at least 21.0",
        "max 97.0, expected at most 90.0");
  }

  @Test
  void evaluate_expectationOnAMissingOrNonNumericColumnFails() {
    ProfileExpectations expectations = ProfileExpectations.builder("customers")
        .maxNullRate("phone", 0.5)
        .minValue("email", 0)
        .build();

    assertThat(expectations.evaluate(PROFILE))
        .extracting(CheckOutcome::check, CheckOutcome::passed, CheckOutcome::detail)
        .containsExactly(
            tuple("customers.phone.null_rate", false, "column not in the batch"),
            tuple("customers.email.min_value", false, "column 'email' has no numeric values"));
  }

  @Test
  void builder_badValuesNameFieldAndValue() {
    assertThatThrownBy(() -> ProfileExpectations.builder("customers").maxNullRate("email", 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNullRate").hasMessageContaining("1.5");
    assertThatThrownBy(() -> ProfileExpectations.builder("customers").minDistinct("email", -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minDistinct").hasMessageContaining("-1");
    assertThatThrownBy(() -> ProfileExpectations.builder(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataset");
  }

  @Test
  void build_reportsEveryInconsistentRangeAtOnce() {
    assertThatThrownBy(() -> ProfileExpectations.builder("customers")
        .minDistinct("email", 10).maxDistinct("email", 5)
        .minValue("age", 50).maxValue("age", 20)
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("minDistinct 10 > maxDistinct 5")
        .hasMessageContaining("minValue 50.0 > maxValue 20.0");
  }
}
