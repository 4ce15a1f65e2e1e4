package io.meshwatch.collector.slo;

import static io.meshwatch.collector.slo.Products.ORDERS;
import static io.meshwatch.collector.slo.Products.slo;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.store.MemorySliStore;
import io.meshwatch.model.AgentState;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ProductEvaluatorTest {

  private static final Instant NOW = Instant.parse("2024-03-10T12:00:30Z");
  private static final Duration SILENCE = Duration.ofMinutes(5);

  private final ProductEvaluator evaluator = new ProductEvaluator(SILENCE);

  @Test
  void evaluate_aProductThatFailsWhole_showsEverySloInError_itsAgentAsItIs_andCountsTheFailure() {
    FailingTrack orders = new FailingTrack(slo("checks", SliKind.QUALITY, 99), slo("reads", SliKind.AVAILABILITY, 99));
    orders.seen(NOW.minusSeconds(60));

    ProductStatus status = evaluator.evaluate(orders, NOW);

    assertThat(status.slos()).extracting(slo -> slo.slo() + " " + slo.state())
        .containsExactly("checks " + SloState.ERROR, "reads " + SloState.ERROR);
    assertThat(status.error()).isEqualTo("could not evaluate the product: broken on purpose");
    assertThat(status.agent()).as("heard from a minute ago: reporting, not silent").isEqualTo(AgentState.REPORTING);
    assertThat(status.lastSeen()).isEqualTo(NOW.minusSeconds(60));
    assertThat(status.dataTime()).isNull();
    assertThat(orders.faults().counts().failedEvaluations()).isEqualTo(1);
  }

  @Test
  void evaluate_aSilentAgentOfAProductThatFailsWhole_isSilent_andOneNeverSeenIsNeverSeen() {
    FailingTrack silent = new FailingTrack(slo("checks", SliKind.QUALITY, 99));
    silent.seen(NOW.minus(SILENCE).minusSeconds(1));

    assertThat(evaluator.evaluate(silent, NOW).agent()).isEqualTo(AgentState.SILENT);
    assertThat(evaluator.evaluate(new FailingTrack(slo("checks", SliKind.QUALITY, 99)), NOW).agent())
        .isEqualTo(AgentState.NEVER_SEEN);
  }

  @Test
  void evaluate_aProductWhoseDataTimeCannotBeReadEither_isStillShown() {
    FailingTrack orders = new FailingTrack(slo("checks", SliKind.QUALITY, 99));
    orders.dataTimeFails = true;
    orders.dataUpdated(NOW.minusSeconds(30), NOW);

    ProductStatus status = evaluator.evaluate(orders, NOW);

    assertThat(status.dataTime()).isNull();
    assertThat(status.slos()).singleElement().satisfies(slo -> assertThat(slo.state()).isEqualTo(SloState.ERROR));
  }

  /** A product whose evaluation fails outside every SLO's own: whether it tracks freshness cannot be told. */
  private static final class FailingTrack extends ProductTrack {
    boolean dataTimeFails;

    FailingTrack(SloSpec... specs) {
      super(ORDERS, tracks(specs));
    }

    private static List<SloTrack> tracks(SloSpec... specs) {
      MemorySliStore store = new MemorySliStore();
      return List.of(specs).stream()
          .map(spec -> new SloTrack(spec, store.open(ORDERS, spec.name(), spec.window().longest()), 0)).toList();
    }

    @Override
    boolean tracksFreshness() {
      throw new ArithmeticException("broken on purpose");
    }

    @Override
    @Nullable Instant dataTime() {
      if (dataTimeFails) {
        throw new ArithmeticException("broken on purpose too");
      }
      return super.dataTime();
    }
  }
}
