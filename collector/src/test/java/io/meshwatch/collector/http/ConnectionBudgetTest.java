package io.meshwatch.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.http.ConnectionBudget.Admission;
import io.meshwatch.collector.http.ConnectionBudget.Descriptors;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {

  @Test
  void tryOpen_pastTheLimit_refusesAFewInWordsAndClosesTheRestUntilOneCloses() {
    ConnectionBudget budget = new ConnectionBudget(2);

    assertThat(budget.tryOpen()).isEqualTo(Admission.ADMITTED);
    assertThat(budget.tryOpen()).isEqualTo(Admission.ADMITTED);
    for (int i = 0; i < ConnectionBudget.REFUSING; i++) {
      assertThat(budget.tryOpen()).isEqualTo(Admission.REFUSED_IN_WORDS);
    }
    assertThat(budget.tryOpen()).isEqualTo(Admission.CLOSED_AT_ONCE);
    budget.closed(Admission.REFUSED_IN_WORDS);
    assertThat(budget.tryOpen()).isEqualTo(Admission.REFUSED_IN_WORDS);
    budget.closed(Admission.ADMITTED);
    assertThat(budget.tryOpen()).isEqualTo(Admission.ADMITTED);
    assertThat(budget.open()).isEqualTo(2);
  }

  @Test
  void limit_underALowDescriptorLimit_leavesTheOpenAndReservedDescriptorsFree() {
    int spare = ConnectionBudget.RESERVED_DESCRIPTORS + ConnectionBudget.REFUSING;

    assertThat(ConnectionBudget.limit(512, Optional.of(new Descriptors(20_000, 100)))).isEqualTo(512);
    assertThat(ConnectionBudget.limit(512, Optional.of(new Descriptors(600, 100)))).isEqualTo(600 - 100 - spare);
    assertThat(ConnectionBudget.limit(512, Optional.of(new Descriptors(200, 100)))).isEqualTo(1);
    assertThat(ConnectionBudget.limit(512, Optional.empty())).isEqualTo(512);
  }
}
