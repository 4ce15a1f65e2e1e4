package io.meshwatch.agent;

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

  private final Instruments instruments;
  private final BoundedAttributeCache consumers;
  private final Drops drops;

  UsageReporter(Instruments instruments, Drops drops) {
    this.instruments = instruments;
    this.drops = drops;
    this.consumers = new BoundedAttributeCache(
        Instruments.CONSUMER,
        io.meshwatch.model.SignalContract.OUTCOME_SUCCESS,
        io.meshwatch.model.SignalContract.OUTCOME_FAILURE,
        drops);
  }

  /**
   * {@code consumer} read the product, successfully or not, and waited {@code latency}. A blank
   * consumer or a null or negative latency is dropped and counted.
   */
  public void read(@Nullable String consumer, boolean success, @Nullable Duration latency) {
    if (latency == null) {
      drops.drop(Drops.Reason.MISSING_VALUE, "read latency");
      return;
    }
    if (latency.isNegative()) {
      drops.drop(Drops.Reason.NEGATIVE_DURATION, latency);
      return;
    }
    BoundedAttributeCache.Entry attributes = consumers.get(consumer);
    if (attributes == null) {
      return;
    }
    try {
      instruments.usageReads.add(1, success ? attributes.good() : attributes.bad());
      instruments.usageReadDuration.record(latency.getSeconds() + latency.getNano() / 1e9, attributes.plain());
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }
}
