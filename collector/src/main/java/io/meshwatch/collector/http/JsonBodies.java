package io.meshwatch.collector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.Field;
import io.meshwatch.collector.guard.Violation;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads small JSON request bodies of the alerting API, answering 400 with what is wrong. */
final class JsonBodies {
  private JsonBodies() {}

  /** The body as a JSON object (an empty body is an empty object), or null after answering 400. */
  static @Nullable JsonNode object(RoutingContext ctx) {
    byte[] bytes = Requests.body(ctx);
    if (bytes.length == 0) {
      return Responses.JSON.createObjectNode();
    }
    try {
      JsonNode node = Responses.JSON.readTree(bytes);
      if (node != null && node.isObject()) {
        return node;
      }
      Responses.error(ctx, 400, "the body must be a JSON object");
    } catch (JsonProcessingException e) {
      Responses.error(ctx, 400, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      Responses.error(ctx, 400, "cannot read the body: " + e.getMessage());
    }
    return null;
  }

  /** Adds {@code field: <what is wrong>} to {@code problems} when {@code value} is over its length. */
  static void check(String field, @Nullable String value, Field<Bound.Text> bound, List<String> problems) {
    Violation violation = value == null ? null : bound.bound().check(value);
    if (violation != null) {
      problems.add(field + ": " + violation.message());
    }
  }

  /** A text field, or null when absent or null; a non-text value reads as its JSON text. */
  static @Nullable String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
  }
}
