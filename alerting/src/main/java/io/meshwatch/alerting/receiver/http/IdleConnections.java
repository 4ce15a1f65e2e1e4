package io.meshwatch.alerting.receiver.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The connections kept open between requests, per origin, most recently used first, so that a few
 * stay warm under steady load and the rest age out. A connection idle longer than
 * {@code maxIdleNanos} is closed instead of reused: servers close idle connections after a few
 * seconds (Node.js after 5), and one closed just as it is reused costs a failed attempt. Every
 * {@code maxIdleNanos} the other origins are swept too, so that a receiver no longer posted to does
 * not keep sockets the server has long closed.
 */
final class IdleConnections {
  private final int maxPerOrigin;
  private final long maxIdleNanos;
  private final Map<Origin, ArrayDeque<Connection>> idle = new HashMap<>();
  private long lastSweepNanos;
  private boolean closed;

  IdleConnections(int maxPerOrigin, long maxIdleNanos) {
    this.maxPerOrigin = maxPerOrigin;
    this.maxIdleNanos = maxIdleNanos;
  }

  /** The most recently used connection to {@code origin} that has not been idle too long, or null. */
  @Nullable Connection take(Origin origin, long nowNanos) {
    List<Connection> stale = new ArrayList<>(0);
    Connection fresh = null;
    synchronized (this) {
      sweepIfDue(nowNanos, stale);
      ArrayDeque<Connection> connections = idle.get(origin);
      if (connections != null && !connections.isEmpty()) {
        Connection connection = connections.pollFirst();
        if (nowNanos - connection.idleSinceNanos() < maxIdleNanos) {
          fresh = connection;
        } else {
          stale.add(connection);
          stale.addAll(connections); // the rest are older still
          connections.clear();
        }
      }
    }
    stale.forEach(Connection::close);
    return fresh;
  }

  /** Keeps {@code connection} for the next request to its origin, closing what no longer fits. */
  void offer(Connection connection, long nowNanos) {
    connection.markIdle(nowNanos);
    List<Connection> closing = new ArrayList<>(0);
    synchronized (this) {
      if (closed) {
        closing.add(connection);
      } else {
        ArrayDeque<Connection> connections = idle.computeIfAbsent(connection.origin(), origin -> new ArrayDeque<>());
        connections.offerFirst(connection);
        while (connections.size() > maxPerOrigin
            || nowNanos - connections.peekLast().idleSinceNanos() >= maxIdleNanos) {
          closing.add(connections.pollLast());
        }
        sweepIfDue(nowNanos, closing);
      }
    }
    closing.forEach(Connection::close);
  }

  /** Closes the idle connections; any offered later is closed at once. */
  void closeAll() {
    List<Connection> all = new ArrayList<>();
    synchronized (this) {
      closed = true;
      idle.values().forEach(all::addAll);
      idle.clear();
    }
    all.forEach(Connection::close);
  }

  private void sweepIfDue(long nowNanos, List<Connection> stale) {
    if (nowNanos - lastSweepNanos < maxIdleNanos) {
      return;
    }
    lastSweepNanos = nowNanos;
    for (Iterator<ArrayDeque<Connection>> origins = idle.values().iterator(); origins.hasNext(); ) {
      ArrayDeque<Connection> connections = origins.next();
      while (!connections.isEmpty() && nowNanos - connections.peekLast().idleSinceNanos() >= maxIdleNanos) {
        stale.add(connections.pollLast());
      }
      if (connections.isEmpty()) {
        origins.remove();
      }
    }
  }
}
