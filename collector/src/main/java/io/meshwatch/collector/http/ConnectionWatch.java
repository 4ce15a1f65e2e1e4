package io.meshwatch.collector.http;

import io.meshwatch.collector.metrics.EdgeMetrics.Closed;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The deadline one connection is under. A new connection has {@code headerTimeout} to send its first
 * request head; a request has {@code bodyTimeout} from its head on for its body to arrive; after a
 * response, a kept-alive connection has {@code idleTimeout} for its next head. A connection beyond
 * the limit gets a short grace to send a request that can be refused in words. Each is a total, not
 * an idle time, so a client dribbling a byte now and then is cut like a silent one. Times are
 * monotonic nanoseconds from the caller's clock; not thread-safe (one event loop owns it).
 */
final class ConnectionWatch {

  /** The timeouts, in nanoseconds. */
  record Timeouts(long idle, long header, long body, long overLimitGrace) {}

  private enum Phase { AWAITING_HEAD, EXCHANGE, OVER_LIMIT }

  private Phase phase;
  private long since;
  private boolean served;
  private @Nullable BooleanSupplier bodyReceived;

  private ConnectionWatch(Phase phase, long now) {
    this.phase = phase;
    this.since = now;
  }

  /** A connection within the limit, opened at {@code now}. */
  static ConnectionWatch admitted(long now) {
    return new ConnectionWatch(Phase.AWAITING_HEAD, now);
  }

  /** A connection beyond the limit, opened at {@code now}: it is refused and closed. */
  static ConnectionWatch overLimit(long now) {
    return new ConnectionWatch(Phase.OVER_LIMIT, now);
  }

  boolean isOverLimit() {
    return phase == Phase.OVER_LIMIT;
  }

  /** A request head arrived at {@code now}; {@code bodyReceived} says whether its body has arrived in full. */
  void headArrived(long now, BooleanSupplier bodyReceived) {
    if (phase == Phase.OVER_LIMIT) {
      return;
    }
    phase = Phase.EXCHANGE;
    since = now;
    this.bodyReceived = bodyReceived;
  }

  /** The response to the current request ended at {@code now}: the connection waits for its next head. */
  void exchangeEnded(long now) {
    if (phase != Phase.EXCHANGE) {
      return;
    }
    phase = Phase.AWAITING_HEAD;
    since = now;
    served = true;
    bodyReceived = null;
  }

  /** Why the connection must be closed at {@code now}, or empty while it is within its deadline. */
  Optional<Closed> overdue(long now, Timeouts timeouts) {
    long elapsed = now - since;
    return switch (phase) {
      case AWAITING_HEAD -> served
          ? past(elapsed, timeouts.idle(), Closed.IDLE_TIMEOUT)
          : past(elapsed, timeouts.header(), Closed.HEADER_TIMEOUT);
      case EXCHANGE -> bodyReceived != null && bodyReceived.getAsBoolean()
          ? Optional.empty() // the body is in: what is left is the collector's own work and its answer
          : past(elapsed, timeouts.body(), Closed.BODY_TIMEOUT);
      case OVER_LIMIT -> past(elapsed, timeouts.overLimitGrace(), Closed.OVER_LIMIT);
    };
  }

  private static Optional<Closed> past(long elapsed, long timeout, Closed reason) {
    return elapsed >= timeout ? Optional.of(reason) : Optional.empty();
  }
}
