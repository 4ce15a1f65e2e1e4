package io.meshwatch.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedLabelValuesTest {

  @Test
  void admit_keepsTheFirstValuesUpToTheLimitAndFoldsLaterOnes() {
    BoundedLabelValues values = new BoundedLabelValues("check label of sales.orders", 2);

    assertThat(values.admit("ids")).isEqualTo("ids");
    assertThat(values.admit("emails")).isEqualTo("emails");
    assertThat(values.admit("run-4711")).isEqualTo(BoundedLabelValues.OTHER);
    assertThat(values.admit("run-4712")).isEqualTo(BoundedLabelValues.OTHER);
    // Values admitted before the limit was reached stay themselves.
    assertThat(values.admit("ids")).isEqualTo("ids");
    assertThat(values.admit("emails")).isEqualTo("emails");
  }

  @Test
  void admit_aValueLongerThanANameIsFoldedAndCounted_withoutTakingARoom() {
    BoundedLabelValues values = new BoundedLabelValues("check label of sales.orders", 1);
    String longest = "c".repeat(BoundedLabelValues.MAX_VALUE_CHARS);

    assertThat(values.admit(longest + "c")).isEqualTo(BoundedLabelValues.OTHER);
    assertThat(values.admit("x".repeat(64 << 10))).isEqualTo(BoundedLabelValues.OTHER);
    assertThat(values.folds()).isEqualTo(2);
    // The one room is still free for a name, up to the longest.
    assertThat(values.admit(longest)).isEqualTo(longest);
    assertThat(values.admit(longest + "c")).isEqualTo(BoundedLabelValues.OTHER);
    assertThat(values.folds()).isEqualTo(3);
  }

  @Test
  void new_refusesALimitBelowOne() {
    assertThatThrownBy(() -> new BoundedLabelValues("check", 0)).hasMessageContaining("got 0");
  }
}
