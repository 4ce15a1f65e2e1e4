package io.meshwatch.collector.metrics;

import io.meshwatch.durable.Damage;
import io.meshwatch.model.CollectorMetric;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
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

  /**
   * Publishes the damage {@code damage} reads from {@code owner} for the log named {@code log}
   * (journal, alerting_state, outbox). Micrometer holds {@code owner} weakly: it must be an object the
   * collector keeps (the journal, alerting), not a lambda made for this call.
   */
  public <T> void watch(String log, T owner, Function<T, Damage> damage) {
    counter(CollectorMetric.STORAGE_DAMAGED_RECORDS, log, null, owner, damage.andThen(Damage::records));
    counter(CollectorMetric.STORAGE_DAMAGED_BYTES, log, null, owner, damage.andThen(Damage::bytes));
    counter(CollectorMetric.STORAGE_DAMAGED_FILES, log, "segment", owner, damage.andThen(Damage::segments));
    counter(CollectorMetric.STORAGE_DAMAGED_FILES, log, "snapshot", owner, damage.andThen(Damage::snapshots));
    counter(CollectorMetric.STORAGE_DAMAGED_FILES, log, "state_copy", owner, damage.andThen(Damage::stateCopies));
  }

  private <T> void counter(CollectorMetric metric, String log, @Nullable String kind, T owner, Function<T, Long> count) {
    FunctionCounter.Builder<T> builder = FunctionCounter
        .builder(metric.canonicalName(), owner, o -> count.apply(o))
        .description(metric.help())
        .tag(CollectorMetric.Labels.LOG_LABEL, log);
    if (kind != null) {
      builder.tag(CollectorMetric.Labels.KIND_LABEL, kind);
    }
    builder.register(registry);
  }
}
