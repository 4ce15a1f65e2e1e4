package io.meshwatch.collector.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers a request whose body will not be read (refused before it, or from a connection beyond the
 * limit) and closes its connection afterwards. Closing a socket whose peer is still sending makes the
 * kernel reset it, and a client that gets the reset before it read the answer never sees the answer;
 * so, as Go's net/http does, up to {@link #DRAIN_LIMIT} bytes are read and thrown away first. They
 * are never kept, inflated or decoded.
 */
final class ClosingAnswer {

  static final long DRAIN_LIMIT = 256 * 1024;

  private ClosingAnswer() {}

  static void send(HttpServerRequest request, Supplier<Future<Void>> answer) {
    request.response().putHeader("Connection", "close");
    answer.get().onComplete(written -> closeOnceRead(request));
  }

  /** Answers the error {@code status} in the endpoint's error shape, then closes as {@link #send} does. */
  static void error(RoutingContext ctx, int status, String message) {
    send(ctx.request(), () -> OtlpHandler.PATH.equals(ctx.request().path())
        ? OtlpHandler.status(ctx.request(), status, RpcStatus.INVALID_ARGUMENT, message)
        : Responses.error(ctx.response(), status, message, Map.of()));
  }

  /** Closes the connection once the request's body is read to its end or past {@link #DRAIN_LIMIT}. */
  static void closeOnceRead(HttpServerRequest request) {
    if (request.isEnded()) {
      request.connection().close();
      return;
    }
    long[] drained = {0};
    request.handler(chunk -> {
      drained[0] += chunk.length();
      if (drained[0] > DRAIN_LIMIT) {
        request.connection().close();
      }
    });
    request.endHandler(v -> request.connection().close());
    request.exceptionHandler(e -> request.connection().close());
    request.resume();
  }
}
