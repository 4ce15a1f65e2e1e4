package io.meshwatch.collector.http;

import io.meshwatch.collector.ingest.RejectReason;
import io.meshwatch.collector.metrics.EdgeMetrics;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a write request's body, in place of Vert.x Web's body handler and Vert.x's request
 * decompression (which inflates on the event loop, before any handler runs): first the route's
 * {@link BeforeBody} check (the token, the media type) on the head alone; a request it refuses never
 * has its body read, let alone inflated. Then the body, bounded by {@code server.maxBodyBytes} both as
 * sent and as inflated; gzip and deflate are undone piece by piece off the event loop
 * ({@link BodyRead}). The body is handed on in the routing context ({@link Requests#body}).
 */
final class BodyGate implements Handler<RoutingContext> {

  /** A route's checks on the request head; answers the request itself and returns false to refuse it. */
  @FunctionalInterface
  interface BeforeBody {
    boolean admit(RoutingContext ctx);
  }

  static final String BODY = "meshwatch.body";

  private final HttpServices services;
  private final EdgeMetrics metrics;
  private final WorkerExecutor inflation;
  private final BeforeBody check;

  BodyGate(HttpServices services, EdgeMetrics metrics, WorkerExecutor inflation, BeforeBody check) {
    this.services = services;
    this.metrics = metrics;
    this.inflation = inflation;
    this.check = check;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    // Said up front: a refusal comes before the body, whose connection cannot be reused.
    ctx.response().putHeader("Connection", "close");
    Optional<Refusal> overBudget = services.overTokenBudget(Requests.authorization(ctx));
    if (overBudget.isPresent()) {
      ClosingAnswer.send(request, () -> Refusals.send(ctx, overBudget.get()));
      return;
    }
    if (!check.admit(ctx)) {
      ClosingAnswer.closeOnceRead(request);
      return;
    }
    ctx.response().headers().remove("Connection");
    long limit = services.maxBodyBytes();
    long declared = contentLength(request);
    if (declared > limit) {
      refuse(ctx, 413, RejectReason.BODY_TOO_LARGE, "the request body is larger than the limit of " + limit
          + " bytes (server.maxBodyBytes): Content-Length says " + declared);
      return;
    }
    if (!hasBody(request)) {
      ctx.put(BODY, new byte[0]);
      ctx.next();
      return;
    }
    Optional<StreamedInflater> inflater;
    try {
      inflater = StreamedInflater.forEncoding(Objects.requireNonNullElse(request.getHeader("Content-Encoding"), ""),
          limit, metrics::inflated);
    } catch (IllegalArgumentException e) {
      refuse(ctx, 415, RejectReason.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && request.version() != HttpVersion.HTTP_1_0) {
      ctx.response().writeContinue();
    }
    new BodyRead(ctx, services, inflation, inflater.orElse(null)).start();
  }

  private void refuse(RoutingContext ctx, int status, RejectReason reason, String message) {
    services.ingestMetrics().rejected(reason, 1);
    ClosingAnswer.error(ctx, status, message);
  }

  /** The declared Content-Length, or -1 when there is none (chunked, or no body). */
  private static long contentLength(HttpServerRequest request) {
    String value = request.getHeader("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1; // Netty refuses such a head before it gets here
    }
  }

  static boolean hasBody(HttpServerRequest request) {
    return request.getHeader("Transfer-Encoding") != null || contentLength(request) > 0;
  }
}
