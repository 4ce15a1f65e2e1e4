package io.meshwatch.collector.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The one place that answers {@link Refusal}s: status, {@code Retry-After} in whole seconds, and a
 * body in the endpoint's own error shape. {@code /v1/metrics} answers as the OTLP/HTTP specification's
 * throttling section asks: 429 or 503 with {@code Retry-After} and a {@code google.rpc.Status} in the
 * request's encoding ({@code RESOURCE_EXHAUSTED} or {@code UNAVAILABLE}); every other endpoint with
 * the JSON error body plus {@code retryAfterSeconds}.
 */
final class Refusals {

  private Refusals() {}

  static Future<Void> send(RoutingContext ctx, Refusal refusal) {
    return send(ctx.request(), refusal);
  }

  static Future<Void> send(HttpServerRequest request, Refusal refusal) {
    HttpServerResponse response = request.response()
        .putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
    if (OtlpHandler.PATH.equals(request.path())) {
      boolean json = OtlpHandler.isJson(request);
      int code = refusal.status() == Refusal.OVER_BUDGET ? RpcStatus.RESOURCE_EXHAUSTED : RpcStatus.UNAVAILABLE;
      return response
          .setStatusCode(refusal.status())
          .putHeader("Content-Type", json ? OtlpHandler.JSON : OtlpHandler.PROTOBUF)
          .end(Buffer.buffer(RpcStatus.encode(json, code, refusal.message())));
    }
    return Responses.error(response, refusal.status(), refusal.message(),
        Map.of("retryAfterSeconds", refusal.retryAfterSeconds()));
  }
}
