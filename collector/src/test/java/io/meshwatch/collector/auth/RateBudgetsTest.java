package io.meshwatch.collector.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.collector.config.RateLimits;
import io.meshwatch.model.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateBudgetsTest {

  private static final ProductId A = ProductId.parse("sales.a");
  private static final ProductId B = ProductId.parse("sales.b");
  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final RateBudgets budgets = new RateBudgets(
      new RateLimits(new RateLimits.Budget(1, 2), new RateLimits.Budget(0.5, 2)), clock);

  @Test
  void takeForProducts_oneProductOverItsBudget_leavesAnotherUntouched() {
    budgets.takeForProducts(List.of(A));
    budgets.takeForProducts(List.of(A));

    assertThat(budgets.takeForProducts(List.of(A))).hasValueSatisfying(over -> {
      assertThat(over.message()).isEqualTo("product sales.a is over its budget of 0.5 requests per second with bursts of 2"
          + " (rateLimits.perProduct); retry later");
      assertThat(over.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    });
    assertThat(budgets.takeForProducts(List.of(B))).isEmpty();
    assertThat(budgets.takeForProducts(List.of(B))).isEmpty();
    clock.advance(Duration.ofSeconds(2));
    assertThat(budgets.takeForProducts(List.of(A))).isEmpty();
  }

  @Test
  void takeForProducts_whenOneOfSeveralIsOver_takesFromNone() {
    budgets.takeForProducts(List.of(B));
    budgets.takeForProducts(List.of(B));

    assertThat(budgets.takeForProducts(List.of(A, B))).isPresent();
    assertThat(budgets.takeForProducts(List.of(A))).isEmpty();
    assertThat(budgets.takeForProducts(List.of(A))).as("A's second place was given back").isEmpty();
    assertThat(budgets.takeForProducts(List.of(A))).isPresent();
  }

  @Test
  void takeForToken_eachTokenHasItsOwnBudget() {
    budgets.takeForToken("digest-1");
    budgets.takeForToken("digest-1");

    assertThat(budgets.takeForToken("digest-1")).hasValueSatisfying(over ->
        assertThat(over.message()).contains("this token is over its budget of 1 requests per second with bursts of 2"));
    assertThat(budgets.takeForToken("digest-2")).isEmpty();
  }
}
