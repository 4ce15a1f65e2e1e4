package io.meshwatch.collector.http;

import io.meshwatch.collector.ingest.RejectReason;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * The first handler of every write route: lets the request in while fewer than
 * {@code server.maxConcurrentWrites} writes are in flight, else answers 503 with Retry-After before
 * its body is read. (A platform handler, so that Vert.x Web lets it run before a body handler.)
 */
final class WriteAdmission implements PlatformHandler {

  private final WriteLoad writes;
  private final HttpServices services;

  WriteAdmission(WriteLoad writes, HttpServices services) {
    this.writes = writes;
    this.services = services;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!writes.tryStart()) {
      services.ingestMetrics().rejected(RejectReason.OVERLOADED, 1);
      ClosingAnswer.send(ctx.request(), () -> Refusals.send(ctx, Refusal.unavailable("the collector is answering "
          + writes.max() + " writes already, its limit (server.maxConcurrentWrites); retry later",
          services.server().retryAfter())));
      return;
    }
    ctx.addEndHandler(ended -> writes.finished());
    ctx.next();
  }
}
