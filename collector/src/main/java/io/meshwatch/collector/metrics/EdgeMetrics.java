package io.meshwatch.collector.metrics;

import io.meshwatch.model.CollectorMetric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What the HTTP edge does to protect itself: connections open, connections it closed on its own by
 * reason (every reason registered at zero, so a rule sees the series before the first cut), and the
 * bytes request bodies inflated to.
 */
public final class EdgeMetrics {

  /** Why the server closed a connection itself. */
  public enum Closed {
    /** A new connection did not send a complete request head in time (slowloris). */
    HEADER_TIMEOUT,
    /** A request's body did not arrive in time (a dribbled body). */
    BODY_TIMEOUT,
    /** A kept-alive connection sent no next request in time. */
    IDLE_TIMEOUT,
    /** The connection was beyond {@code server.maxConnections}. */
    OVER_LIMIT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Closed, Counter> closed = new EnumMap<>(Closed.class);
  private final Counter inflated;

  public EdgeMetrics(MeterRegistry registry, IntSupplier openConnections) {
    Gauge.builder(CollectorMetric.HTTP_CONNECTIONS_OPEN.canonicalName(), openConnections, IntSupplier::getAsInt)
        .description(CollectorMetric.HTTP_CONNECTIONS_OPEN.help())
        .strongReference(true)
        .register(registry);
    for (Closed reason : Closed.values()) {
      closed.put(reason, Counter.builder(CollectorMetric.HTTP_CONNECTIONS_CLOSED.canonicalName())
          .description(CollectorMetric.HTTP_CONNECTIONS_CLOSED.help())
          .tag("reason", reason.label())
          .register(registry));
    }
    inflated = Counter.builder(CollectorMetric.HTTP_INFLATED_BYTES.canonicalName())
        .description(CollectorMetric.HTTP_INFLATED_BYTES.help())
        .register(registry);
  }

  /** {@code bytes} more came out of inflating request bodies. */
  public void inflated(long bytes) {
    inflated.increment(bytes);
  }

  public void closed(Closed reason) {
    closed.get(reason).increment();
  }
}
