package io.meshwatch.collector.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the listening socket from accepting while {@code maxSockets} accepted sockets are open, and
 * lets it accept again once one closes. Closing surplus connections after accepting them is not
 * enough under a flood: Vert.x accepts on a thread of its own, which runs ahead of the event loops
 * that would close, and for a moment the process holds every descriptor it may open, so a snapshot, a
 * journal segment or a class being loaded fails with "Too many open files". Connections waiting
 * stay in the kernel's backlog instead, as with Tomcat's {@code maxConnections}.
 *
 * <p>Vert.x has no connection limit of its own. This counts sockets where Netty accepts them, as a
 * handler on the listening channel, and pauses accepting with that channel's {@code autoRead},
 * Netty's way to do it; it reaches the listening channel through the first accepted connection's
 * channel, where Vert.x's implementation exposes it ({@link #accepted}).
 */
@ChannelHandler.Sharable
final class AcceptGate extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(AcceptGate.class);

  private final int maxSockets;
  private final AtomicInteger sockets = new AtomicInteger();
  private final AtomicBoolean installed = new AtomicBoolean();
  private final Promise<Void> ready = Promise.promise();

  AcceptGate(int maxSockets) {
    this.maxSockets = maxSockets;
  }

  /** Completes once the gate watches the listening socket (or cannot, on another Vert.x). */
  Future<Void> ready() {
    return ready.future();
  }

  /** Installs the gate on the listening channel that accepted {@code connection}, the first time. */
  void accepted(HttpConnection connection) {
    if (installed.get()) {
      return;
    }
    Channel listener = connection instanceof ConnectionBase base ? base.channel().parent() : null;
    if (installed.compareAndSet(false, true)) {
      if (listener == null) {
        LOG.warn("cannot pause accepting connections on this Vert.x version; beyond server.maxConnections they are"
            + " closed right after they are accepted instead");
      } else {
        listener.pipeline().addFirst("meshwatch-accept-gate", this);
      }
      ready.tryComplete();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Channel accepted) {
      Channel listener = ctx.channel();
      if (sockets.incrementAndGet() >= maxSockets) {
        listener.config().setAutoRead(false);
      }
      accepted.closeFuture().addListener(closed -> {
        if (sockets.decrementAndGet() < maxSockets) {
          listener.config().setAutoRead(true);
        }
      });
    }
    ctx.fireChannelRead(msg);
  }
}
