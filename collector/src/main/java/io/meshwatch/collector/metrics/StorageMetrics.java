package io.meshwatch.collector.metrics;

import io.meshwatch.durable.Damage;
import io.meshwatch.model.CollectorMetric;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The damage the data dir's logs were found with at start, on {@code /metrics}: records and bytes
 * skipped, files moved aside, by log. Registered at zero, so an alert on them sees the series before
 * the first damage.
 */
public final class StorageMetrics {
  private final MeterRegistry registry;

  public StorageMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Publishes what {@code damage} reports for the log named {@code log} (journal, alerting_state, outbox). */
  public void watch(String log, Supplier<Damage> damage) {
    counter(CollectorMetric.STORAGE_DAMAGED_RECORDS, log, null, damage, Damage::records);
    counter(CollectorMetric.STORAGE_DAMAGED_BYTES, log, null, damage, Damage::bytes);
    counter(CollectorMetric.STORAGE_DAMAGED_FILES, log, "segment", damage, Damage::segments);
    counter(CollectorMetric.STORAGE_DAMAGED_FILES, log, "snapshot", damage, Damage::snapshots);
    counter(CollectorMetric.STORAGE_DAMAGED_FILES, log, "state_copy", damage, Damage::stateCopies);
  }

  private void counter(CollectorMetric metric, String log, @Nullable String kind, Supplier<Damage> damage,
      ToDoubleFunction<Damage> count) {
    FunctionCounter.Builder<Supplier<Damage>> builder = FunctionCounter
        .builder(metric.canonicalName(), damage, d -> count.applyAsDouble(d.get()))
        .description(metric.help())
        .tag(CollectorMetric.Labels.LOG_LABEL, log);
    if (kind != null) {
      builder.tag(CollectorMetric.Labels.KIND_LABEL, kind);
    }
    builder.register(registry);
  }
}
