package io.meshwatch.collector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.protobuf.CodedOutputStream;
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
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/metrics} as the OTLP/HTTP specification has it: protobuf or JSON bodies (gzip is
 * undone by the server), 200 with a partial-success body when some points were rejected, 400 with a
 * {@code google.rpc.Status} when the request can't be used at all, 415 for other media types.
 */
final class OtlpHandler {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";
  private static final int STATUS_INVALID_ARGUMENT = 3;
  private static final int STATUS_UNAVAILABLE = 14;
  private static final int STATUS_UNAUTHENTICATED = 16;
  private static final int STATUS_PERMISSION_DENIED = 7;

  private final HttpServices services;

  OtlpHandler(HttpServices services) {
    this.services = services;
  }

  void handle(RoutingContext ctx) {
    String mediaType = mediaType(ctx.request().getHeader("Content-Type"));
    boolean json = JSON.equals(mediaType);
    if (!json && !PROTOBUF.equals(mediaType)) {
      services.ingestMetrics().rejected(RejectReason.UNSUPPORTED_MEDIA_TYPE, 1);
      Responses.error(ctx, 415, "Content-Type must be " + PROTOBUF + " or " + JSON + ", got '" + mediaType + "'");
      return;
    }
    AuthDecision auth = services.authorizer().authenticated(Requests.authorization(ctx));
    if (!auth.allowed()) {
      refuse(ctx, json, auth);
      return;
    }
    ExportMetricsServiceRequest request;
    try {
      byte[] body = Requests.body(ctx);
      request = json ? OtlpMetricsDecoder.parseJson(body) : OtlpMetricsDecoder.parseProtobuf(body);
    } catch (MalformedPayloadException e) {
      services.ingestMetrics().rejected(RejectReason.MALFORMED, 1);
      status(ctx, json, 400, STATUS_INVALID_ARGUMENT, "malformed OTLP " + (json ? "JSON" : "protobuf") + ": " + e.getMessage());
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
    DecodeResult result = services.otlp().decode(request, services.authorizer().budgetKey(Requests.authorization(ctx)));
    services.countRejections(result);
    if (result.allRejected()) {
      status(ctx, json, 400, STATUS_INVALID_ARGUMENT, result.errorMessage());
      return;
    }
    if (!services.accept("otlp", result.signals())) {
      result.undo(); // the retry of these cumulative readings must count them
      status(ctx, json, 503, STATUS_UNAVAILABLE, "the collector could not store the data; retry later");
      return;
    }
    ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
    if (result.rejectedPoints() > 0) {
      response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
          .setRejectedDataPoints(result.rejectedPoints())
          .setErrorMessage(result.errorMessage()));
    }
    respond(ctx, json, 200, json ? printJson(response.build()) : response.build().toByteArray());
  }

  private void refuse(RoutingContext ctx, boolean json, AuthDecision decision) {
    services.countRefusal(decision);
    int code = decision.outcome() == AuthDecision.Outcome.FORBIDDEN ? STATUS_PERMISSION_DENIED : STATUS_UNAUTHENTICATED;
    status(ctx, json, decision.outcome().httpStatus(), code, decision.message());
  }

  private static void status(RoutingContext ctx, boolean json, int httpStatus, int code, String message) {
    byte[] body = json ? statusJson(code, message) : statusProtobuf(code, message);
    respond(ctx, json, httpStatus, body);
  }

  private static void respond(RoutingContext ctx, boolean json, int httpStatus, byte[] body) {
    ctx.response()
        .setStatusCode(httpStatus)
        .putHeader("Content-Type", json ? JSON : PROTOBUF)
        .end(Buffer.buffer(body));
  }

  /** {@code google.rpc.Status} is not in the OTLP protos we ship, and has two fields: encode it by hand. */
  private static byte[] statusProtobuf(int code, String message) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeInt32(1, code);
      out.writeString(2, message);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] statusJson(int code, String message) {
    try {
      return Responses.JSON.writeValueAsBytes(Map.of("code", code, "message", message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] printJson(ExportMetricsServiceResponse response) {
    try {
      return JsonFormat.printer().print(response).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
