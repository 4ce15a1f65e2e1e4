package io.meshwatch.collector.metrics;

import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.ProductId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The signal meters of one product. Both outcomes of a check, consumer or run are registered
 * together, so a rate over either exists from the first report on. Synchronized so that
 * {@link #remove} cannot race a late signal into registering a meter nobody removes again.
 */
final class ProductSignalMeters {

  private static final String PASSED = "passed";
  private static final String FAILED = "failed";
  private static final String SUCCEEDED = "succeeded";

  private final MeterRegistry registry;
  private final Tags product;
  private final BoundedLabelValues checks;
  private final BoundedLabelValues consumers;
  private final Map<MeterKey, Counter> counters = new HashMap<>();
  private final Map<String, FunctionCounter> folds = new HashMap<>();
  private volatile double rowsPerRun = Double.NaN;
  private @Nullable Gauge volume;
  private boolean removed;

  ProductSignalMeters(MeterRegistry registry, ProductId id, int maxLabelValues) {
    this.registry = registry;
    this.product = Tags.of(Labels.PRODUCT_LABEL, id.toString(), Labels.DOMAIN_LABEL, id.domain());
    this.checks = new BoundedLabelValues(Labels.CHECK_LABEL + " label of " + id, maxLabelValues);
    this.consumers = new BoundedLabelValues(Labels.CONSUMER_LABEL + " label of " + id, maxLabelValues);
  }

  synchronized void quality(String check, long passed, long failed) {
    if (removed) {
      return;
    }
    Tags tags = product.and(Labels.CHECK_LABEL, admitted(checks, Labels.CHECK_LABEL, check));
    twoOutcomes(CollectorMetric.QUALITY_CHECKS, tags, Labels.OUTCOME_LABEL, PASSED, passed, FAILED, failed);
  }

  synchronized void usage(String consumer, long succeeded, long failed) {
    if (removed) {
      return;
    }
    Tags tags = product.and(Labels.CONSUMER_LABEL, admitted(consumers, Labels.CONSUMER_LABEL, consumer));
    twoOutcomes(CollectorMetric.USAGE_READS, tags, Labels.OUTCOME_LABEL, SUCCEEDED, succeeded, FAILED, failed);
  }

  synchronized void runs(long succeeded, long failed, Duration totalDuration) {
    if (removed) {
      return;
    }
    twoOutcomes(CollectorMetric.RUNS, product, Labels.STATUS_LABEL, SUCCEEDED, succeeded, FAILED, failed);
    double seconds = totalDuration.getSeconds() + totalDuration.getNano() / 1e9;
    counter(CollectorMetric.RUN_DURATION_SECONDS, product).increment(seconds);
  }

  synchronized void volume(double rowsPerRun) {
    if (removed) {
      return;
    }
    this.rowsPerRun = rowsPerRun;
    if (volume == null) {
      volume = Gauge.builder(CollectorMetric.VOLUME_ROWS.canonicalName(), this, m -> m.rowsPerRun)
          .description(CollectorMetric.VOLUME_ROWS.help())
          .tags(product)
          .strongReference(true)
          .register(registry);
    }
  }

  /** Takes every meter of the product off the registry; later signals are dropped. */
  synchronized void remove() {
    removed = true;
    counters.values().forEach(registry::remove);
    counters.clear();
    folds.values().forEach(registry::remove);
    folds.clear();
    if (volume != null) {
      registry.remove(volume);
    }
  }

  /** {@code value} as {@code values} admit it; the first fold brings the product's count of folds onto /metrics. */
  private String admitted(BoundedLabelValues values, String label, String value) {
    String admitted = values.admit(value);
    if (admitted.equals(BoundedLabelValues.OTHER) && !folds.containsKey(label)) {
      CollectorMetric metric = CollectorMetric.PRODUCT_LABEL_VALUES_FOLDED;
      folds.put(label, FunctionCounter.builder(metric.canonicalName(), values, BoundedLabelValues::folds)
          .description(metric.help())
          .tags(product.and(Labels.LABEL_LABEL, label))
          .register(registry));
    }
    return admitted;
  }

  private void twoOutcomes(CollectorMetric metric, Tags tags, String label, String good, long goodCount,
      String bad, long badCount) {
    counter(metric, tags.and(label, good)).increment(goodCount);
    counter(metric, tags.and(label, bad)).increment(badCount);
  }

  private Counter counter(CollectorMetric metric, Tags tags) {
    return counters.computeIfAbsent(new MeterKey(metric, tags),
        key -> Counter.builder(metric.canonicalName()).description(metric.help()).tags(tags).register(registry));
  }

  private record MeterKey(CollectorMetric metric, Tags tags) {}

}
