package io.meshwatch.collector.metrics;

import io.meshwatch.collector.ingest.RejectReason;
import io.meshwatch.model.CollectorMetric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what ingest accepts and rejects. Every rejection reason is registered up front at zero, so a
 * dashboard or alert on {@code meshwatch_ingest_rejected_total} sees the series before the first
 * rejection.
 */
public final class IngestMetrics {

  private final MeterRegistry registry;
  private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
  private final Map<String, Counter> accepted = new ConcurrentHashMap<>();

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (RejectReason reason : RejectReason.values()) {
      rejected.put(reason, Counter.builder(CollectorMetric.INGEST_REJECTED.canonicalName())
          .description(CollectorMetric.INGEST_REJECTED.help())
          .tag("reason", reason.label())
          .register(registry));
    }
  }

  public void rejected(RejectReason reason, long count) {
    if (count > 0) {
      rejected.get(reason).increment(count);
    }
  }

  public void accepted(String transport, long signals) {
    if (signals > 0) {
      accepted.computeIfAbsent(transport, t -> Counter.builder(CollectorMetric.INGEST_SIGNALS.canonicalName())
          .description(CollectorMetric.INGEST_SIGNALS.help())
          .tag("transport", t)
          .register(registry)).increment(signals);
    }
  }
}
