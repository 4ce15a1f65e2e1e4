package io.meshwatch.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.meshwatch.alerting.routing.Matcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilenceTest {
  private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant END = START.plus(Duration.ofHours(2));
  private static final Silence ORDERS = new Silence("s1", List.of(Matcher.parse("product=sales.orders"),
      Matcher.parse("severity!=ticket")), "ana", "backfill", START, END);

  @Test
  void state_isPendingThenActiveThenExpired() {
    assertThat(ORDERS.state(START.minusNanos(1))).isEqualTo(Silence.State.PENDING);
    assertThat(ORDERS.state(START)).isEqualTo(Silence.State.ACTIVE);
    assertThat(ORDERS.state(END.minusNanos(1))).isEqualTo(Silence.State.ACTIVE);
    assertThat(ORDERS.state(END)).isEqualTo(Silence.State.EXPIRED);
    assertThat(Silence.State.ACTIVE.label()).isEqualTo("active");
  }

  @Test
  void mutes_onlyWhileActiveAndWhenEveryMatcherHolds() {
    Map<String, String> page = Map.of("product", "sales.orders", "severity", "page");

    assertThat(ORDERS.mutes(page, START.plusSeconds(1))).isTrue();
    assertThat(ORDERS.mutes(Map.of("product", "sales.orders", "severity", "ticket"), START.plusSeconds(1))).isFalse();
    assertThat(ORDERS.mutes(Map.of("product", "sales.customers"), START.plusSeconds(1))).isFalse();
    assertThat(ORDERS.mutes(page, START.minusSeconds(1))).isFalse();
    assertThat(ORDERS.mutes(page, END)).isFalse();
  }

  @Test
  void new_rejectsMatchersThatAllMatchTheEmptyString() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Silence("s", List.of(Matcher.parse("team=~\".*\""), Matcher.parse("x!=y")), "ana", "",
            START, END))
        .withMessageContaining("at least one matcher that does not match the empty string");
    // one matcher that needs a value is enough
    assertThat(new Silence("s", List.of(Matcher.parse("team=~\".*\""), Matcher.parse("x=y")), "ana", "", START, END)
        .matchers()).hasSize(2);
  }

  @Test
  void new_listsEveryProblemAtOnce() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Silence(" ", List.of(), "", null, END, START))
        .withMessageContaining("needs an id")
        .withMessageContaining("needs at least one matcher")
        .withMessageContaining("needs createdBy")
        .withMessageContaining("needs a comment")
        .withMessageContaining("endsAt " + START + " is before startsAt " + END);
  }
}
