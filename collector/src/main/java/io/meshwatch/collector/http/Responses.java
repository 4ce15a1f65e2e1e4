package io.meshwatch.collector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON responses and the one shape of every error body: {@code {"error": "...", "status": 400}}. */
final class Responses {

  static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Responses() {}

  static void json(RoutingContext ctx, int status, Object body) {
    json(ctx.response(), status, body);
  }

  static Future<Void> json(HttpServerResponse response, int status, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response body is not serialisable: " + body.getClass(), e);
    }
    return response
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(Buffer.buffer(bytes));
  }

  static void error(RoutingContext ctx, int status, String message) {
    error(ctx, status, message, Map.of());
  }

  static void error(RoutingContext ctx, int status, String message, Map<String, Object> details) {
    error(ctx.response(), status, message, details);
  }

  static Future<Void> error(HttpServerResponse response, int status, String message, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("status", status);
    body.putAll(details);
    return json(response, status, body);
  }
}
