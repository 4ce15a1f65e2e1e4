package io.meshwatch.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.AgentState;
import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import io.meshwatch.model.WindowSpan;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SloMetricsTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final ProductId LEDGER = ProductId.parse("finance.ledger");
  private static final ProductId STOCK = ProductId.parse("sales.stock");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  /** Products whose descriptor lookup fails, the way any step of publishing one product might. */
  private final Set<ProductId> failing = ConcurrentHashMap.newKeySet();
  private final SloMetrics metrics = new SloMetrics(registry, id -> {
    if (failing.contains(id)) {
      throw new IllegalStateException("the catalog fails on " + id);
    }
    return Optional.of(descriptor(id));
  });

  @Test
  void publish_aProductThatCannotBePublished_keepsItsSeriesWithItsSlosInError_andTheOthersArePublished() {
    metrics.publish(List.of(status(LEDGER, 0.99), status(ORDERS, 0.99)));
    assertThat(gauge(CollectorMetric.SLO_ERROR, ORDERS)).isZero();

    failing.add(ORDERS);
    metrics.publish(List.of(status(LEDGER, 0.5), status(ORDERS, 0.5), status(STOCK, 0.5)));

    assertThat(gauge(CollectorMetric.SLO_COMPLIANCE, LEDGER)).isEqualTo(0.5);
    assertThat(gauge(CollectorMetric.SLO_ERROR, LEDGER)).isZero();
    assertThat(gauge(CollectorMetric.SLO_ERROR, ORDERS)).as("Prometheus must see it fail").isEqualTo(1);
    assertThat(gauge(CollectorMetric.SLO_OBJECTIVE, ORDERS)).as("kept").isEqualTo(0.9);

    failing.add(STOCK);
    metrics.publish(List.of(status(LEDGER, 0.5), status(ORDERS, 0.5), status(STOCK, 0.5)));
    assertThat(gauge(CollectorMetric.SLO_ERROR, STOCK)).as("failing from its first publication on").isEqualTo(1);

    failing.clear();
    metrics.publish(List.of(status(LEDGER, 0.5), status(ORDERS, 0.5), status(STOCK, 0.5)));
    assertThat(gauge(CollectorMetric.SLO_ERROR, ORDERS)).isZero();
    assertThat(gauge(CollectorMetric.SLO_COMPLIANCE, ORDERS)).isEqualTo(0.5);
  }

  private double gauge(CollectorMetric metric, ProductId product) {
    Gauge gauge = registry.find(metric.canonicalName()).tags("product", product.toString(), "slo", "fresh").gauge();
    assertThat(gauge).as(metric + " of " + product).isNotNull();
    return gauge.value();
  }

  private static ProductStatus status(ProductId product, double compliance) {
    SloStatus fresh = new SloStatus(product, "fresh", SliKind.FRESHNESS, 0.9, SloState.HEALTHY, compliance, compliance,
        0.5, Map.of(), NOW, new WindowSpan(NOW.minus(Duration.ofDays(7)), NOW), 9, 10, List.of(), BudgetForecast.NONE, null);
    return new ProductStatus(product, AgentState.REPORTING, NOW, NOW, Duration.ZERO, List.of(fresh), NOW);
  }

  private static DataProduct descriptor(ProductId id) {
    SloWindow week = SloWindow.rolling(Duration.ofDays(7));
    return new DataProduct(id, "team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(
        new SloSpec("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(10)), 90, week, List.of(),
            SloSpec.defaultConditions(week), Duration.ZERO)));
  }
}
