package io.meshwatch.collector.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.meshwatch.collector.auth.AuthDecision;
import io.meshwatch.collector.ingest.DecodeResult;
import io.meshwatch.collector.ingest.MalformedPayloadException;
import io.meshwatch.collector.ingest.OtlpMetricsDecoder;
import io.meshwatch.collector.ingest.RejectReason;
import io.meshwatch.model.ProductId;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/metrics} as the OTLP/HTTP specification has it: protobuf or JSON bodies (gzip is
 * undone by the server), 200 with a partial-success body when some points were rejected, 400 with a
 * {@code google.rpc.Status} when the request can't be used at all, 415 for other media types.
 */
final class OtlpHandler {

  static final String PATH = "/v1/metrics";
  static final String PROTOBUF = "application/x-protobuf";
  static final String JSON = "application/json";

  private final HttpServices services;

  OtlpHandler(HttpServices services) {
    this.services = services;
  }

  /** Before the body: the media type must be OTLP's and the token known; the products it may write are only known after. */
  boolean beforeBody(RoutingContext ctx) {
    String mediaType = mediaType(ctx.request().getHeader("Content-Type"));
    boolean json = JSON.equals(mediaType);
    if (!json && !PROTOBUF.equals(mediaType)) {
      services.ingestMetrics().rejected(RejectReason.UNSUPPORTED_MEDIA_TYPE, 1);
      Responses.error(ctx, 415, "Content-Type must be " + PROTOBUF + " or " + JSON + ", got '" + mediaType + "'");
      return false;
    }
    AuthDecision auth = services.authorizer().authenticated(Requests.authorization(ctx));
    if (!auth.allowed()) {
      refuse(ctx, json, auth);
      return false;
    }
    return true;
  }

  void handle(RoutingContext ctx) {
    boolean json = isJson(ctx.request());
    ExportMetricsServiceRequest request;
    try {
      byte[] body = Requests.body(ctx);
      request = json ? OtlpMetricsDecoder.parseJson(body) : OtlpMetricsDecoder.parseProtobuf(body);
    } catch (MalformedPayloadException e) {
      services.ingestMetrics().rejected(RejectReason.MALFORMED, 1);
      status(ctx, json, 400, RpcStatus.INVALID_ARGUMENT, "malformed OTLP " + (json ? "JSON" : "protobuf") + ": " + e.getMessage());
      return;
    }
    // Before decoding: decoding advances cumulative state, which a refused request must not touch.
    for (ProductId product : OtlpMetricsDecoder.productsNamed(request)) {
      AuthDecision write = services.authorizer().write(Requests.authorization(ctx), product);
      if (!write.allowed()) {
        refuse(ctx, json, write);
        return;
      }
    }
    Optional<Refusal> overBudget = services.overProductBudget(OtlpMetricsDecoder.productsNamed(request));
    if (overBudget.isPresent()) {
      Refusals.send(ctx, overBudget.get());
      return;
    }
    DecodeResult result = services.otlp().decode(request,
        services.authorizer().tokenKey(Requests.authorization(ctx)).orElse(null));
    services.countRejections(result);
    if (result.allRejected()) {
      result.undo(); // nothing of it was taken: what decoding advanced counts when it is sent again
      Optional<Refusal> budget = seriesBudget(result);
      if (budget.isPresent()) {
        Refusals.send(ctx, budget.get());
      } else {
        status(ctx, json, 400, RpcStatus.INVALID_ARGUMENT, result.errorMessage());
      }
      return;
    }
    if (!services.accept("otlp", result.signals())) {
      result.undo(); // the retry of these cumulative readings must count them
      Refusals.send(ctx, services.cannotStore("the data"));
      return;
    }
    ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
    if (result.rejectedPoints() > 0) {
      response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
          .setRejectedDataPoints(result.rejectedPoints())
          .setErrorMessage(result.errorMessage()));
    }
    respond(ctx.request(), json, 200, json ? printJson(response.build()) : response.build().toByteArray());
  }

  /**
   * An export refused only because its new cumulative series are over a budget is no bad request, and
   * SDKs drop a 400: 429 when its product or token is over its own budget, 503 when the collector as a
   * whole holds all the series it may, both with Retry-After, as every refusal.
   */
  private Optional<Refusal> seriesBudget(DecodeResult result) {
    DecodeResult.SeriesRefusals refusals = result.seriesRefusals();
    if (refusals.overOwnBudget() + refusals.collectorFull() != result.rejectedPoints()) {
      return Optional.empty();
    }
    Duration wait = services.server().retryAfter();
    return Optional.of(refusals.collectorFull() > 0
        ? Refusal.unavailable(result.errorMessage(), wait)
        : Refusal.overBudget(result.errorMessage(), wait));
  }

  private void refuse(RoutingContext ctx, boolean json, AuthDecision decision) {
    services.countRefusal(decision);
    int code = decision.outcome() == AuthDecision.Outcome.FORBIDDEN ? RpcStatus.PERMISSION_DENIED : RpcStatus.UNAUTHENTICATED;
    status(ctx, json, decision.outcome().httpStatus(), code, decision.message());
  }

  private static void status(RoutingContext ctx, boolean json, int httpStatus, int code, String message) {
    respond(ctx.request(), json, httpStatus, RpcStatus.encode(json, code, message));
  }

  /** A {@code google.rpc.Status} answer in the request's encoding. */
  static Future<Void> status(HttpServerRequest request, int httpStatus, int code, String message) {
    boolean json = isJson(request);
    return respond(request, json, httpStatus, RpcStatus.encode(json, code, message));
  }

  private static Future<Void> respond(HttpServerRequest request, boolean json, int httpStatus, byte[] body) {
    return request.response()
        .setStatusCode(httpStatus)
        .putHeader("Content-Type", json ? JSON : PROTOBUF)
        .end(Buffer.buffer(body));
  }

  private static byte[] printJson(ExportMetricsServiceResponse response) {
    try {
      return JsonFormat.printer().print(response).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the request says its body is OTLP JSON (else it is taken as protobuf). */
  static boolean isJson(HttpServerRequest request) {
    return JSON.equals(mediaType(request.getHeader("Content-Type")));
  }

  static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
