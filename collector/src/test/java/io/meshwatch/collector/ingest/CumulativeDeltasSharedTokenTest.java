package io.meshwatch.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Review: CONFIG.md promises that "a product holding less than a tenth of seriesPerProduct always
 * gets its new series, whatever others hold". Behind one token shared by many products (the admin
 * token of a central OpenTelemetry Collector, the deployment CONFIG.md names), the token's budget is
 * one shared pool again: a few products at their own budget starve every other product of it.
 */
class CumulativeDeltasSharedTokenTest {

  private static final ProductId NOISY = ProductId.parse("sales.noisy");
  private static final ProductId LOUD = ProductId.parse("sales.loud");
  private static final ProductId QUIET = ProductId.parse("finance.quiet");

  @Test
  void delta_aProductWithinItsGuaranteedTenth_getsItsNewSeries_evenWhenOthersFilledTheSharedTokensBudget() {
    // Budgets of 10 per product (1 always allowed) and 20 per token; the cap is far away.
    CumulativeDeltas all = new CumulativeDeltas(new TestClock(Otlp.CLOCK_START), new SeriesBudgets(10, 20), 1_000,
        Duration.ofHours(1));
    CumulativeDeltas central = all.writtenBy("central-otel-collector");
    for (int i = 0; i < 10; i++) {
      central.delta(key(NOISY, "n" + i), Reading.of(1));
      central.delta(key(LOUD, "l" + i), Reading.of(1));
    }

    assertThat(central.delta(key(QUIET, "first"), Reading.of(1)))
        .as("the first series of a product holding none; refused because: " + central.refusal(QUIET))
        .isEqualTo(Reading.of(1));
  }

  private static SeriesKey key(ProductId product, String check) {
    return new SeriesKey(product, "pipeline", ContractMetric.QUALITY_CHECKS, check, true, AttributeDigest.NONE, 1);
  }
}
