package io.meshwatch.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.slo.FaultCounts;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.ProductId;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineFaultMetricsTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final ProductId LEDGER = ProductId.parse("finance.ledger");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final EngineFaultMetrics metrics = new EngineFaultMetrics(registry);

  @Test
  void publish_everyProductHasItsCountersFromZero_andTheyFollowTheEngine() {
    metrics.publish(List.of(new FaultCounts(LEDGER, 0, 0, 0), new FaultCounts(ORDERS, 0, 0, 0)));

    assertThat(registry.scrape()).contains(
        CollectorMetric.PRODUCT_EVALUATION_FAILURES.prometheusName() + "{domain=\"finance\",product=\"finance.ledger\"} 0.0",
        CollectorMetric.PRODUCT_SIGNALS_DROPPED.prometheusName() + "{domain=\"sales\",product=\"sales.orders\"} 0.0",
        CollectorMetric.PRODUCT_RESTORE_FAILURES.prometheusName() + "{domain=\"sales\",product=\"sales.orders\"} 0.0");

    metrics.publish(List.of(new FaultCounts(LEDGER, 0, 0, 0), new FaultCounts(ORDERS, 3, 2, 1)));
    System.gc(); // the counters must not read NaN once nothing else holds what they read

    assertThat(count(CollectorMetric.PRODUCT_EVALUATION_FAILURES, ORDERS)).isEqualTo(3.0);
    assertThat(count(CollectorMetric.PRODUCT_SIGNALS_DROPPED, ORDERS)).isEqualTo(2.0);
    assertThat(count(CollectorMetric.PRODUCT_RESTORE_FAILURES, ORDERS)).isEqualTo(1.0);
    assertThat(count(CollectorMetric.PRODUCT_EVALUATION_FAILURES, LEDGER)).isZero();
  }

  @Test
  void publish_aProductNoLongerRegisteredLosesItsCounters() {
    metrics.publish(List.of(new FaultCounts(LEDGER, 1, 0, 0), new FaultCounts(ORDERS, 0, 0, 0)));

    metrics.publish(List.of(new FaultCounts(ORDERS, 0, 0, 0)));

    assertThat(registry.find(CollectorMetric.PRODUCT_EVALUATION_FAILURES.canonicalName())
        .tag("product", LEDGER.toString()).functionCounters()).isEmpty();
    assertThat(registry.find(CollectorMetric.PRODUCT_EVALUATION_FAILURES.canonicalName())
        .tag("product", ORDERS.toString()).functionCounters()).hasSize(1);
  }

  private double count(CollectorMetric metric, ProductId product) {
    FunctionCounter counter = registry.find(metric.canonicalName()).tag("product", product.toString()).functionCounter();
    assertThat(counter).as(metric + " of " + product).isNotNull();
    return counter.count();
  }
}
