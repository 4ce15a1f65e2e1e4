package io.meshwatch.collector.http;

import io.meshwatch.collector.config.ServerConfig;
import io.meshwatch.collector.metrics.EdgeMetrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's HTTP server: {@code server.eventLoops} instances of one verticle on one port, so
 * that a slow request on one event loop leaves the others serving, sharing one connection budget.
 *
 * <pre>{@code
 * HttpEdge edge = HttpEdge.deploy(vertx, services, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().get();
 * int port = edge.port();
 * }</pre>
 */
public final class HttpEdge {

  private static final Logger LOG = LoggerFactory.getLogger(HttpEdge.class);
  private static final int FREE_PORT_ATTEMPTS = 3;

  private final int port;
  private final ConnectionBudget budget;

  private HttpEdge(int port, ConnectionBudget budget) {
    this.port = port;
    this.budget = budget;
  }

  /** Deploys the server on {@code host}:{@code port} ({@code 0}: a free port, shared by every instance). */
  public static Future<HttpEdge> deploy(Vertx vertx, HttpServices services, String host, int port) {
    ServerConfig config = services.server();
    Optional<ConnectionBudget.Descriptors> descriptors = ConnectionBudget.descriptors();
    int limit = ConnectionBudget.limit(config.maxConnections(), descriptors);
    if (limit < config.maxConnections()) {
      LOG.warn("server.maxConnections {} lowered to {}: the process may open {} files (ulimit -n) and has {} open;"
          + " {} more are kept for the journal, snapshots, notifications and refusals", config.maxConnections(), limit,
          descriptors.get().limit(), descriptors.get().open(), ConnectionBudget.RESERVED_DESCRIPTORS + ConnectionBudget.REFUSING);
    }
    ConnectionBudget budget = new ConnectionBudget(limit);
    EdgeMetrics metrics = new EdgeMetrics(services.registry(), budget::open);
    if (port != 0) {
      return deployOn(vertx, services, host, port, budget, metrics);
    }
    // Vert.x shares a listening port between the instances of a deployment, but port 0 would give each
    // instance a port of its own (and 5.1 refuses the -1 of earlier versions): pick a free port and
    // take it, again with another should something else take it in between.
    Future<HttpEdge> deployed = deployOn(vertx, services, host, freePort(host), budget, metrics);
    for (int attempt = 1; attempt < FREE_PORT_ATTEMPTS; attempt++) {
      deployed = deployed.recover(e -> deployOn(vertx, services, host, freePort(host), budget, metrics));
    }
    return deployed;
  }

  private static Future<HttpEdge> deployOn(Vertx vertx, HttpServices services, String host, int port,
      ConnectionBudget budget, EdgeMetrics metrics) {
    AcceptGate gate = new AcceptGate(budget.max() + ConnectionBudget.REFUSING);
    WriteLoad writes = new WriteLoad(services.server().maxConcurrentWrites());
    services.readiness().add(new EdgeLoad(budget, writes));
    return vertx.deployVerticle(() -> new HttpVerticle(services, host, port, budget, gate, writes, metrics),
            new DeploymentOptions().setInstances(services.server().eventLoops()))
        // One connection of our own shows the gate the listening socket before anyone else connects.
        .compose(id -> vertx.executeBlocking(() -> {
          new Socket(host, port).close();
          return id;
        }))
        .compose(id -> gate.ready().timeout(10, TimeUnit.SECONDS))
        .map(ready -> new HttpEdge(port, budget));
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + host, e);
    }
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** Connections open now, within {@link #maxConnections()}. */
  public int openConnections() {
    return budget.open();
  }

  /** The connection limit in force: {@code server.maxConnections}, or lower under a low file-descriptor limit. */
  public int maxConnections() {
    return budget.max();
  }
}
