package io.meshwatch.agent;

import io.meshwatch.agent.BoundedAttributeCache.Entry;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Reports reads of the product by its consumers: the counter
 * {@link io.meshwatch.model.SignalContract#USAGE_READS} by consumer and outcome, and the latency
 * histogram {@link io.meshwatch.model.SignalContract#USAGE_READ_DURATION} in seconds by consumer.
 * At most 1000 distinct consumers are tracked; reads by further ones are dropped and counted.
 *
 * <pre>{@code
 * long start = System.nanoTime();
 * boolean ok = serve(request);
 * agent.usage().read("finance.revenue", ok, Duration.ofNanos(System.nanoTime() - start));
 * }</pre>
 */
public final class UsageReporter {

  // Instruments are this reporter's own fields: every hop between the caller and the SDK call is a
  // dependent load on a ~20 ns path (docs/BENCHMARKS.md).
  private final LongCounter usageReads;
  private final DoubleHistogram usageReadDuration;
  private final BoundedAttributeCache consumers;
  private final Drops drops;
  // Pipelines mostly repeat one consumer, so an identity check on the last entry skips the map.
  // A plain field on purpose: Entry is immutable (final fields), so a thread that sees it sees it
  // whole, and a stale or lost update only costs one map lookup.
  private @Nullable Entry recent;

  UsageReporter(Instruments instruments, Drops drops) {
    this.usageReads = instruments.usageReads;
    this.usageReadDuration = instruments.usageReadDuration;
    this.drops = drops;
    this.consumers = new BoundedAttributeCache(
        Instruments.CONSUMER, SignalContract.OUTCOME_SUCCESS, SignalContract.OUTCOME_FAILURE, drops);
  }

  /**
   * {@code consumer} read the product, successfully or not, and waited {@code latency}. A blank
   * consumer or a null or negative latency is dropped and counted.
   */
  public void read(@Nullable String consumer, boolean success, @Nullable Duration latency) {
    if (latency == null || latency.isNegative()) {
      rejectLatency(latency);
      return;
    }
    Entry attributes = attributes(consumer);
    if (attributes == null) {
      return;
    }
    try {
      usageReads.add(1, success ? attributes.good() : attributes.bad());
      usageReadDuration.record(latency.getSeconds() + latency.getNano() / 1e9, attributes.plain());
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }

  private @Nullable Entry attributes(@Nullable String consumer) {
    Entry last = recent;
    if (last != null && last.name() == consumer) {
      return last;
    }
    Entry entry = consumers.get(consumer);
    if (entry != null) {
      recent = entry;
    }
    return entry;
  }

  // Off the hot path, so the recording method stays small enough to inline whole.
  private void rejectLatency(@Nullable Duration latency) {
    if (latency == null) {
      drops.drop(Drops.Reason.MISSING_VALUE, "read latency");
    } else {
      drops.drop(Drops.Reason.NEGATIVE_DURATION, latency);
    }
  }
}
