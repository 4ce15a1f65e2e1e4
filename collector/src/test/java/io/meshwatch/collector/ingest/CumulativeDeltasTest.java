package io.meshwatch.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CumulativeDeltasTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final ProductId REFUNDS = ProductId.parse("sales.refunds");
  private static final Duration IDLE = Duration.ofHours(1);

  private final TestClock clock = new TestClock(Otlp.CLOCK_START);
  private final CumulativeDeltas deltas = new CumulativeDeltas(clock, 3, IDLE);

  @Test
  void delta_firstSightingIsEverythingSinceStart() {
    assertThat(deltas.delta(key("a", 1), Reading.of(7))).isEqualTo(Reading.of(7));
  }

  @Test
  void delta_afterResumingARun_seriesStartedBeforeTheRestartOnlySetTheirBaseline() {
    long restartNanos = clock.instant().getEpochSecond() * 1_000_000_000L;
    deltas.resumedAt(clock.instant());

    // Counted by the earlier run up to its last export: counting 7 again would double it.
    assertThat(deltas.delta(key("a", restartNanos - 1), Reading.of(7))).isEqualTo(Reading.of(0));
    assertThat(deltas.delta(key("a", restartNanos - 1), Reading.of(9))).isEqualTo(Reading.of(2));
    // A series that started after the restart is new: everything since its start counts.
    assertThat(deltas.delta(key("b", restartNanos + 1), Reading.of(5))).isEqualTo(Reading.of(5));
  }

  @Test
  void delta_laterReadingsGiveTheDifference() {
    deltas.delta(key("a", 1), new Reading(2, 100));
    assertThat(deltas.delta(key("a", 1), new Reading(5, 180))).isEqualTo(new Reading(3, 80));
    assertThat(deltas.delta(key("a", 1), new Reading(5, 180))).isEqualTo(new Reading(0, 0));
  }

  @Test
  void delta_dropInValueIsAResetThatCountsWhole() {
    deltas.delta(key("a", 1), Reading.of(10));
    assertThat(deltas.delta(key("a", 1), Reading.of(4))).isEqualTo(Reading.of(4));
    assertThat(deltas.delta(key("a", 1), Reading.of(6))).isEqualTo(Reading.of(2));
  }

  @Test
  void delta_dropInHistogramCountAloneIsAReset() {
    deltas.delta(key("a", 1), new Reading(10, 50));
    assertThat(deltas.delta(key("a", 1), new Reading(2, 60))).isEqualTo(new Reading(2, 60));
  }

  @Test
  void delta_newStartTimeIsANewSeriesThatCountsWhole() {
    deltas.delta(key("a", 1), Reading.of(10));
    assertThat(deltas.delta(key("a", 2), Reading.of(12))).isEqualTo(Reading.of(12));
    assertThat(deltas.delta(key("a", 1), Reading.of(11))).as("the first series carries on").isEqualTo(Reading.of(1));
  }

  @Test
  void delta_beyondMaxSeriesRefusesNewSeriesButExistingOnesContinue() {
    deltas.delta(key("a", 1), Reading.of(1));
    deltas.delta(key("b", 1), Reading.of(1));
    deltas.delta(key("c", 1), Reading.of(1));

    assertThat(deltas.delta(key("d", 1), Reading.of(1))).isNull();
    assertThat(deltas.delta(key("a", 1), Reading.of(5))).isEqualTo(Reading.of(4));
    assertThat(deltas.size()).isEqualTo(3);
  }

  @Test
  void delta_idleSeriesAreEvictedAndFreeTheirPlace() {
    deltas.delta(key("a", 1), Reading.of(1));
    deltas.delta(key("b", 1), Reading.of(1));
    clock.advance(IDLE.dividedBy(2));
    deltas.delta(key("c", 1), Reading.of(1));
    clock.advance(IDLE.dividedBy(2).plusSeconds(1));

    assertThat(deltas.delta(key("d", 1), Reading.of(1))).as("a and b were idle past the timeout").isEqualTo(Reading.of(1));
    assertThat(deltas.size()).isEqualTo(2);
    assertThat(deltas.delta(key("e", 1), Reading.of(1))).isEqualTo(Reading.of(1));
    assertThat(deltas.delta(key("f", 1), Reading.of(1))).as("c is still fresh").isNull();
  }

  @Test
  void delta_seriesSeenWithinTheTimeoutIsKept() {
    deltas.delta(key("a", 1), Reading.of(10));
    clock.advance(IDLE);

    assertThat(deltas.delta(key("a", 1), Reading.of(15))).isEqualTo(Reading.of(5));
  }

  @Test
  void delta_seriesReturningAfterTheTimeoutCountsWhole() {
    deltas.delta(key("a", 1), Reading.of(10));
    clock.advance(IDLE.plusSeconds(1));

    assertThat(deltas.delta(key("a", 1), Reading.of(15))).isEqualTo(Reading.of(15));
    assertThat(deltas.size()).isEqualTo(1);
  }

  @Test
  void delta_concurrentNewSeriesNeverExceedTheLimit() throws Exception {
    CumulativeDeltas bounded = new CumulativeDeltas(clock, 500, IDLE);
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        tasks.add(pool.submit(() -> {
          for (int i = 0; i < 300; i++) {
            if (bounded.delta(key(thread + "-" + i, 1), Reading.of(1)) != null) {
              admitted.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> task : tasks) {
        task.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(admitted).hasValue(500);
    assertThat(bounded.size()).isEqualTo(500);
  }

  @Test
  void delta_aProductOverItsBudget_isRefusedNewSeries_whileOtherProductsAreTaken() {
    CumulativeDeltas all = new CumulativeDeltas(clock, new SeriesBudgets(2, 100), 100, IDLE);
    CumulativeDeltas deltas = all.writtenBy("admin");
    deltas.delta(key(ORDERS, "a"), Reading.of(1));
    deltas.delta(key(ORDERS, "b"), Reading.of(1));

    assertThat(deltas.delta(key(ORDERS, "c"), Reading.of(1))).isNull();
    assertThat(deltas.refusal(ORDERS).why()).isEqualTo(
        "product sales.orders holds 2 cumulative series, its budget (limits.seriesPerProduct 2)");
    assertThat(deltas.delta(key(ORDERS, "a"), Reading.of(4))).as("its existing series carry on").isEqualTo(Reading.of(3));
    assertThat(deltas.delta(key(REFUNDS, "a"), Reading.of(1))).isEqualTo(Reading.of(1));
    assertThat(deltas.delta(key(REFUNDS, "b"), Reading.of(1))).isEqualTo(Reading.of(1));
    assertThat(all.size(ORDERS)).isEqualTo(2);
    assertThat(all.size()).isEqualTo(4);
  }

  @Test
  void delta_aTokenOverItsBudget_isRefusedNewSeriesOfEveryProduct_whileOtherTokensAreTaken() {
    CumulativeDeltas all = new CumulativeDeltas(clock, new SeriesBudgets(10, 3), 100, IDLE);
    CumulativeDeltas admin = all.writtenBy("admin");
    admin.delta(key(ORDERS, "a"), Reading.of(1));
    admin.delta(key(REFUNDS, "a"), Reading.of(1));
    admin.delta(key(REFUNDS, "b"), Reading.of(1));

    assertThat(admin.delta(key(ORDERS, "b"), Reading.of(1))).isNull();
    assertThat(admin.refusal(ORDERS)).isEqualTo(new SeriesAccounts.Refusal("the token it is sent with created 3"
        + " cumulative series, its budget (limits.seriesPerToken 3), and product sales.orders holds 1, more than the 1"
        + " each product is always allowed", false));
    assertThat(all.writtenBy("orders").delta(key(ORDERS, "b"), Reading.of(1))).isEqualTo(Reading.of(1));
    assertThat(admin.delta(key(ORDERS, "b"), Reading.of(2))).as("a series once created carries on for anyone")
        .isEqualTo(Reading.of(1));
  }

  @Test
  void delta_theCollectorWideCap_neverRefusesAProductWithinItsGuaranteedTenth() {
    // Budgets of 20 per product, so each product is always allowed 2; the collector holds at most 4.
    CumulativeDeltas all = new CumulativeDeltas(clock, new SeriesBudgets(20, 100), 4, IDLE);
    for (String check : List.of("a", "b", "c", "d")) {
      all.writtenBy("orders").delta(key(ORDERS, check), Reading.of(1));
    }

    assertThat(all.writtenBy("orders").delta(key(ORDERS, "e"), Reading.of(1))).isNull();
    assertThat(all.writtenBy("orders").refusal(ORDERS).collectorWide()).isTrue();
    assertThat(all.writtenBy("orders").refusal(ORDERS).why()).startsWith("the collector holds 4 cumulative series, its limit"
        + " (limits.seriesTotal 4), and product sales.orders holds 4, more than the 2 each product is always allowed");
    assertThat(all.writtenBy("refunds").delta(key(REFUNDS, "a"), Reading.of(1))).isEqualTo(Reading.of(1));
    assertThat(all.writtenBy("refunds").delta(key(REFUNDS, "b"), Reading.of(1))).isEqualTo(Reading.of(1));
    assertThat(all.writtenBy("refunds").delta(key(REFUNDS, "c"), Reading.of(1))).isNull();
    assertThat(all.size()).isEqualTo(6);
  }

  @Test
  void delta_idleSeriesFreeTheirPlaceInTheBudgetsOfTheirProductAndToken() {
    // Budgets of 2 per product and per token; each product is always allowed 1.
    CumulativeDeltas all = new CumulativeDeltas(clock, new SeriesBudgets(2, 2), 100, IDLE);
    all.writtenBy("refunds").delta(key(REFUNDS, "z"), Reading.of(1));
    all.writtenBy("admin").delta(key(ORDERS, "a"), Reading.of(1));
    all.writtenBy("admin").delta(key(ORDERS, "b"), Reading.of(1));
    assertThat(all.writtenBy("admin").delta(key(REFUNDS, "a"), Reading.of(1))).as("over the token's budget").isNull();
    assertThat(all.writtenBy("refunds").delta(key(ORDERS, "c"), Reading.of(1))).as("over the product's budget").isNull();

    clock.advance(IDLE.dividedBy(2));
    all.writtenBy("refunds").delta(key(REFUNDS, "z"), Reading.of(2));
    clock.advance(IDLE.dividedBy(2).plusSeconds(1));

    assertThat(all.writtenBy("admin").delta(key(REFUNDS, "a"), Reading.of(1))).isEqualTo(Reading.of(1));
    assertThat(all.writtenBy("refunds").delta(key(ORDERS, "c"), Reading.of(1))).isEqualTo(Reading.of(1));
    assertThat(all.size(ORDERS)).isEqualTo(1);
    assertThat(all.size()).isEqualTo(3);
  }

  @Test
  void undo_forgetsTheSeriesAViewCreated_freeingTheirPlaces_andPutsBackTheReadingsItReplaced() {
    CumulativeDeltas all = new CumulativeDeltas(clock, new SeriesBudgets(2, 100), 100, IDLE);
    all.writtenBy("orders").delta(key(ORDERS, "a"), Reading.of(5));
    CumulativeDeltas refused = all.writtenBy("orders");
    refused.delta(key(ORDERS, "a"), Reading.of(8));
    refused.delta(key(ORDERS, "b"), Reading.of(4));
    refused.delta(key(ORDERS, "b"), Reading.of(6));
    assertThat(all.size(ORDERS)).isEqualTo(2);

    refused.undo();

    assertThat(all.size(ORDERS)).isEqualTo(1);
    assertThat(all.size()).isEqualTo(1);
    CumulativeDeltas retry = all.writtenBy("orders");
    assertThat(retry.delta(key(ORDERS, "a"), Reading.of(8))).isEqualTo(Reading.of(3));
    assertThat(retry.delta(key(ORDERS, "b"), Reading.of(6))).as("new again: counts whole").isEqualTo(Reading.of(6));
    assertThat(all.size(ORDERS)).isEqualTo(2);
  }

  @Test
  void undo_ofASeriesSweptSince_freesNothingTwice() {
    CumulativeDeltas all = new CumulativeDeltas(clock, new SeriesBudgets(2, 100), 100, IDLE);
    CumulativeDeltas refused = all.writtenBy("orders");
    refused.delta(key(ORDERS, "a"), Reading.of(1));
    clock.advance(IDLE.plusSeconds(1));
    all.writtenBy("orders").delta(key(ORDERS, "b"), Reading.of(1)); // sweeps "a"

    refused.undo();

    assertThat(all.size(ORDERS)).isEqualTo(1);
    assertThat(all.size()).isEqualTo(1);
  }

  private static SeriesKey key(ProductId product, String check) {
    return new SeriesKey(product, "pipeline", ContractMetric.QUALITY_CHECKS, check, true, AttributeDigest.NONE, 1);
  }

  private static SeriesKey key(String check, long start) {
    return new SeriesKey(ORDERS, "pipeline", ContractMetric.QUALITY_CHECKS, check, true, AttributeDigest.NONE, start);
  }
}
