package io.meshwatch.agent;

import io.opentelemetry.api.metrics.DoubleGauge;
import java.time.Instant;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * Reports how fresh the product's data is: the newest event time it covers, as the gauge
 * {@link io.meshwatch.model.SignalContract#FRESHNESS_DATA_TIME} in epoch seconds. The last value
 * set is exported again at every interval until a newer one replaces it.
 *
 * <pre>{@code
 * agent.freshness().updated(maxEventTimeOfTheBatch);
 * agent.freshness().updated(); // the data is current as of now
 * }</pre>
 */
public final class FreshnessReporter {

  private final DoubleGauge freshnessDataTime;
  private final InstantSource clock;
  private final Drops drops;

  FreshnessReporter(Instruments instruments, InstantSource clock, Drops drops) {
    this.freshnessDataTime = instruments.freshnessDataTime;
    this.clock = clock;
    this.drops = drops;
  }

  /** The product's data now covers events up to {@code dataTime}; null is dropped and counted. */
  public void updated(@Nullable Instant dataTime) {
    if (dataTime == null) {
      drops.drop(Drops.Reason.MISSING_VALUE, "freshness dataTime");
      return;
    }
    set(dataTime.getEpochSecond() + dataTime.getNano() / 1e9);
  }

  /** The product's data is current as of the agent's clock's now. */
  public void updated() {
    try {
      set(clock.millis() / 1e3);
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }

  private void set(double epochSeconds) {
    try {
      freshnessDataTime.set(epochSeconds);
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }
}
