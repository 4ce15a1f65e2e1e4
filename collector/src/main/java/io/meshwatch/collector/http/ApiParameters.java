package io.meshwatch.collector.http;

import io.meshwatch.collector.descriptor.DurationText;
import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.Field;
import io.meshwatch.collector.guard.Violation;
import io.meshwatch.collector.ingest.RejectReason;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A request's query and path parameters, each held to its {@code ApiBounds} entry. The first one out
 * of bounds is answered with 400 naming the parameter, the value and the bound, and counted as
 * {@code invalid_value}; the handler then checks {@link #refused()} and stops.
 */
final class ApiParameters {

  private final RoutingContext ctx;
  private final HttpServices services;
  private boolean refused;

  ApiParameters(RoutingContext ctx, HttpServices services) {
    this.ctx = ctx;
    this.services = services;
  }

  /** Whether a parameter was refused (and answered). */
  boolean refused() {
    return refused;
  }

  /** The query parameter {@code name}, one of its choices, or null when absent or refused. */
  @Nullable String choice(String name, Field<Bound.Choice> field) {
    String value = ctx.queryParams().get(name);
    return value == null || check(name, field.bound().check(value)) ? value : null;
  }

  /** The query parameter {@code name} within its length, or null when absent or refused. */
  @Nullable String text(String name, Field<Bound.Text> field) {
    String value = ctx.queryParams().get(name);
    return value == null || check(name, field.bound().check(value)) ? value : null;
  }

  /** The path parameter {@code name} within its length, or null when refused. */
  @Nullable String path(String name, Field<Bound.Text> field) {
    String value = ctx.pathParam(name);
    return value != null && check(name, field.bound().check(value)) ? value : null;
  }

  /** The query parameter {@code name} as a duration in its bounds, {@code absent} when not given, null when refused. */
  @Nullable Duration duration(String name, Field<Bound.Span> field, Duration absent) {
    String text = ctx.queryParams().get(name);
    if (text == null) {
      return absent;
    }
    Duration value;
    try {
      value = DurationText.parse(text);
    } catch (IllegalArgumentException e) {
      refuse(name + ": " + e.getMessage());
      return null;
    }
    return check(name, field.bound().check(value, text)) ? value : null;
  }

  private boolean check(String name, @Nullable Violation violation) {
    if (violation == null) {
      return true;
    }
    refuse(name + ": " + violation.message());
    return false;
  }

  private void refuse(String message) {
    if (!refused) {
      refused = true;
      services.ingestMetrics().rejected(RejectReason.INVALID_VALUE, 1);
      Responses.error(ctx, 400, message);
    }
  }
}
