package io.meshwatch.collector.metrics;

import io.meshwatch.collector.slo.FaultCounts;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.ProductId;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Publishes what went wrong with each product in the SLO engine as counters per product: failed
 * evaluations, signals it could not count, saved state it could not restore. Every registered
 * product has all three from its first evaluation on (at zero), so a rule can alert on their rate
 * before the first fault; products no longer registered lose theirs. Called from one thread at a time.
 */
public final class EngineFaultMetrics {

  private final MeterRegistry registry;
  private final Map<ProductId, Published> products = new HashMap<>();

  public EngineFaultMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Publishes {@code faults}, one entry per registered product. */
  public synchronized void publish(List<FaultCounts> faults) {
    Set<ProductId> seen = new HashSet<>();
    for (FaultCounts counts : faults) {
      seen.add(counts.product());
      products.computeIfAbsent(counts.product(), this::register).latest = counts;
    }
    products.entrySet().removeIf(entry -> {
      if (seen.contains(entry.getKey())) {
        return false;
      }
      entry.getValue().meters.forEach(registry::remove);
      return true;
    });
  }

  private Published register(ProductId product) {
    Published published = new Published(new FaultCounts(product, 0, 0, 0));
    Tags tags = Tags.of(Labels.PRODUCT_LABEL, product.toString(), Labels.DOMAIN_LABEL, product.domain());
    published.meters.add(counter(CollectorMetric.PRODUCT_EVALUATION_FAILURES, tags, published,
        p -> p.latest.failedEvaluations()));
    published.meters.add(counter(CollectorMetric.PRODUCT_SIGNALS_DROPPED, tags, published,
        p -> p.latest.droppedSignals()));
    published.meters.add(counter(CollectorMetric.PRODUCT_RESTORE_FAILURES, tags, published,
        p -> p.latest.failedRestores()));
    return published;
  }

  private FunctionCounter counter(CollectorMetric metric, Tags tags, Published published,
      ToDoubleFunction<Published> value) {
    return FunctionCounter.builder(metric.canonicalName(), published, value)
        .description(metric.help())
        .tags(tags)
        .register(registry);
  }

  // Held by the map: a function counter keeps only a weak reference to what it reads.
  private static final class Published {
    volatile FaultCounts latest;
    final List<FunctionCounter> meters = new ArrayList<>();

    Published(FaultCounts latest) {
      this.latest = latest;
    }
  }
}
