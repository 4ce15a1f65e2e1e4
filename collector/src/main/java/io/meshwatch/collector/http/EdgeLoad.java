package io.meshwatch.collector.http;

import io.meshwatch.collector.health.ReadinessCheck;
import io.meshwatch.collector.health.Verdict;
import java.util.ArrayList;
import java.util.List;

/** The readiness check {@code overload}: not ready while connections or writes in flight are at their limits. */
final class EdgeLoad implements ReadinessCheck {

  static final String NAME = "overload";

  private final ConnectionBudget connections;
  private final WriteLoad writes;

  EdgeLoad(ConnectionBudget connections, WriteLoad writes) {
    this.connections = connections;
    this.writes = writes;
  }

  @Override
  public Verdict check() {
    List<String> reasons = new ArrayList<>();
    if (connections.open() >= connections.max()) {
      reasons.add(connections.open() + " of " + connections.max() + " connections open (server.maxConnections)");
    }
    if (writes.inFlight() >= writes.max()) {
      reasons.add(writes.inFlight() + " of " + writes.max() + " writes in flight (server.maxConcurrentWrites)");
    }
    return reasons.isEmpty()
        ? Verdict.ready(NAME, connections.open() + " of " + connections.max() + " connections open, "
            + writes.inFlight() + " of " + writes.max() + " writes in flight")
        : Verdict.notReady(NAME, reasons);
  }
}
