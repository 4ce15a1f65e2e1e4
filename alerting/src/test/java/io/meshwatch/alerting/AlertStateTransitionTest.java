package io.meshwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertStateTransitionTest {

  @Test
  void between_findsEveryListedTransition() {
    for (AlertStateTransition transition : AlertStateTransition.values()) {
      assertThat(AlertStateTransition.between(transition.from(), transition.to())).isSameAs(transition);
    }
  }

  @Test
  void between_rejectsMovesTheLifecycleForbids() {
    assertThatThrownBy(() -> AlertStateTransition.between(AlertState.PENDING, AlertState.RESOLVED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PENDING to RESOLVED");
    assertThat(AlertStateTransition.allowed(AlertState.INACTIVE, AlertState.RESOLVED)).isFalse();
    assertThat(AlertStateTransition.allowed(AlertState.FIRING, AlertState.PENDING)).isFalse();
    assertThat(AlertStateTransition.allowed(AlertState.FIRING, AlertState.FIRING)).isFalse();
    assertThat(AlertStateTransition.allowed(AlertState.RESOLVED, AlertState.PENDING)).isTrue();
  }
}
