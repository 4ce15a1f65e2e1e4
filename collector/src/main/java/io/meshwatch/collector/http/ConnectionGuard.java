package io.meshwatch.collector.http;

import io.meshwatch.collector.metrics.EdgeMetrics;
import io.meshwatch.collector.metrics.EdgeMetrics.Closed;
import io.meshwatch.model.DurationLabel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Keeps one event loop's connections within their {@link ConnectionWatch} deadlines and the shared
 * {@link ConnectionBudget}. Vert.x's own idle timeout resets on every byte, so it cannot cut a client
 * that dribbles; this sweeps the connections a few times per shortest timeout and closes the overdue
 * ones. A connection beyond the budget has its request answered 503 (or, for {@code /health} and
 * {@code /ready}, answered as usual so probes still see the collector) and is then closed. Confined to
 * the event loop that owns its connections.
 */
final class ConnectionGuard {

  private static final Duration MIN_GRACE = Duration.ofMillis(250);
  private static final Duration MAX_GRACE = Duration.ofSeconds(1);

  private final ConnectionBudget budget;
  private final AcceptGate gate;
  private final ConnectionWatch.Timeouts timeouts;
  private final Duration retryAfter;
  private final EdgeMetrics metrics;
  private final LongSupplier nanos;
  private final Map<HttpConnection, ConnectionWatch> watches = new HashMap<>();
  private final Map<HttpConnection, HttpServerRequest> current = new HashMap<>();
  private long timer = -1;

  ConnectionGuard(ConnectionBudget budget, AcceptGate gate, Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout,
      Duration retryAfter, EdgeMetrics metrics, LongSupplier nanos) {
    this.budget = budget;
    this.gate = gate;
    // Long enough for a client beyond the limit to send the request it came with, short enough that a
    // flood waiting in the backlog drains ConnectionBudget.REFUSING connections at a time.
    Duration tenth = headerTimeout.dividedBy(10);
    Duration grace = tenth.compareTo(MIN_GRACE) < 0 ? MIN_GRACE : tenth.compareTo(MAX_GRACE) > 0 ? MAX_GRACE : tenth;
    this.timeouts = new ConnectionWatch.Timeouts(idleTimeout.toNanos(), headerTimeout.toNanos(), bodyTimeout.toNanos(),
        grace.toNanos());
    this.retryAfter = retryAfter;
    this.metrics = metrics;
    this.nanos = nanos;
  }

  /** How often to sweep: a quarter of the shortest deadline, between 10 ms and 1 s. */
  long tickMillis() {
    long shortest = Math.min(Math.min(timeouts.idle(), timeouts.header()), Math.min(timeouts.body(), timeouts.overLimitGrace()));
    return Math.max(10, Math.min(1000, Duration.ofNanos(shortest / 4).toMillis()));
  }

  void start(Vertx vertx) {
    timer = vertx.setPeriodic(tickMillis(), id -> sweep());
  }

  void stop(Vertx vertx) {
    vertx.cancelTimer(timer);
  }

  void connected(HttpConnection connection) {
    long now = nanos.getAsLong();
    gate.accepted(connection);
    ConnectionBudget.Admission admission = budget.tryOpen();
    if (admission != ConnectionBudget.Admission.ADMITTED) {
      metrics.closed(Closed.OVER_LIMIT);
    }
    if (admission == ConnectionBudget.Admission.CLOSED_AT_ONCE) {
      connection.close();
      return;
    }
    watches.put(connection, admission == ConnectionBudget.Admission.ADMITTED
        ? ConnectionWatch.admitted(now) : ConnectionWatch.overLimit(now));
    connection.closeHandler(v -> {
      current.remove(connection);
      if (watches.remove(connection) != null) {
        release(admission);
      }
    });
  }

  /**
   * Called with each request head before it is routed.
   *
   * @return false when the request was answered here (its connection is beyond the limit)
   */
  boolean admit(HttpServerRequest request) {
    HttpConnection connection = request.connection();
    ConnectionWatch watch = watches.get(connection);
    if (watch == null) {
      return true;
    }
    if (watch.isOverLimit()) {
      if (Probes.isProbe(request)) {
        request.response().putHeader("Connection", "close");
        return true; // exchangeEnded closes the connection
      }
      ClosingAnswer.send(request, () -> Refusals.send(request, Refusal.unavailable("the collector has "
          + budget.max() + " connections open, its limit (server.maxConnections); retry later", retryAfter)));
      return false;
    }
    watch.headArrived(nanos.getAsLong(), request::isEnded);
    current.put(connection, request);
    if (BodyGate.hasBody(request)) {
      request.pause(); // nothing of the body is read before the route's checks of the head
    }
    return true;
  }

  /**
   * The response on {@code connection} ended ({@code answered}), or the exchange failed: the
   * connection waits for its next request.
   */
  void exchangeEnded(HttpConnection connection, boolean answered) {
    HttpServerRequest request = current.remove(connection);
    if (answered && request != null && BodyGate.hasBody(request) && !request.isEnded()) {
      ClosingAnswer.closeOnceRead(request); // answered without reading its body: the connection is done
    }
    ConnectionWatch watch = watches.get(connection);
    if (watch == null) {
      return;
    }
    if (watch.isOverLimit()) {
      connection.close();
    } else {
      watch.exchangeEnded(nanos.getAsLong());
    }
  }

  private void release(ConnectionBudget.Admission admission) {
    budget.closed(admission);
  }

  private void sweep() {
    long now = nanos.getAsLong();
    List<Map.Entry<HttpConnection, Closed>> overdue = new ArrayList<>();
    watches.forEach((connection, watch) -> {
      Optional<Closed> reason = watch.overdue(now, timeouts);
      reason.ifPresent(r -> overdue.add(Map.entry(connection, r)));
    });
    for (Map.Entry<HttpConnection, Closed> cut : overdue) {
      HttpConnection connection = cut.getKey();
      watches.remove(connection);
      if (cut.getValue() == Closed.OVER_LIMIT) {
        release(ConnectionBudget.Admission.REFUSED_IN_WORDS);
      } else {
        metrics.closed(cut.getValue());
        release(ConnectionBudget.Admission.ADMITTED);
      }
      HttpServerRequest request = current.remove(connection);
      if (cut.getValue() == Closed.BODY_TIMEOUT && request != null && !request.response().headWritten()) {
        request.response().putHeader("Connection", "close");
        Responses.error(request.response(), 408, "the request body did not arrive within "
            + DurationLabel.of(Duration.ofNanos(timeouts.body())) + " (server.bodyTimeout)", Map.of())
            .onComplete(written -> connection.close());
      } else {
        connection.close();
      }
    }
  }
}
