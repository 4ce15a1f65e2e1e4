package io.meshwatch.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review: the per-product label-value budget counts values, not bytes. One product's 100 admitted
 * check names of 64 KiB each make every scrape of /metrics (everyone's) carry ~13 MB for it; at the
 * 4 MiB body limit it is ~800 MB per scrape, so one product's data can still stop /metrics.
 */
class SignalMetricsScrapeSizeTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void accepted_oneProductsLongCheckNames_keepTheScrapeWithinAFewMegabytes() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SignalMetrics metrics = new SignalMetrics(registry, SignalMetrics.MAX_LABEL_VALUES);
    String filler = "x".repeat(64 << 10);
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < SignalMetrics.MAX_LABEL_VALUES; i++) {
      signals.add(new Signal.QualityOutcome(ORDERS, AT, i + filler, 1, 0, 0, 0));
    }
    metrics.accepted(signals);

    assertThat(registry.scrape().length()).as("characters of /metrics for one product's checks").isLessThan(2 << 20);
  }
}
