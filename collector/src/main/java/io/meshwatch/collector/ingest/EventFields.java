package io.meshwatch.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.BoundsTable;
import io.meshwatch.collector.guard.EventBounds;
import io.meshwatch.collector.guard.Shown;
import io.meshwatch.collector.guard.Violation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of one JSON event's fields, each held to its entry in {@link EventBounds}. A field that
 * is missing, of the wrong kind or out of bounds is reported to {@code problems} by its path (e.g.
 * {@code events[2].rows}) and read as {@code null}, so every problem of the event is found in one pass.
 */
final class EventFields {

  private final JsonNode event;
  private final String path;
  private final Instant now;
  private final EventBounds bounds;
  private final BoundsTable table;
  private final Consumer<Rejection> problems;
  private boolean failed;

  EventFields(JsonNode event, String path, Instant now, EventBounds bounds, Consumer<Rejection> problems) {
    this.event = event;
    this.path = path;
    this.now = now;
    this.bounds = bounds;
    this.table = bounds.table();
    this.problems = problems;
  }

  /** Whether any read of this event found a problem. */
  boolean failed() {
    return failed;
  }

  void problem(RejectReason reason, String field, String message) {
    failed = true;
    problems.accept(new Rejection(reason, path + (field.isEmpty() ? "" : "." + field) + ": " + message));
  }

  /** Reports every field not in {@code allowed}: a typo would otherwise silently drop a value. */
  void onlyFields(List<String> allowed, String kind) {
    event.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        problem(RejectReason.MALFORMED, Shown.cut(name), "unknown field for a " + kind + " event; allowed: " + String.join(", ", allowed));
      }
    });
  }

  @Nullable String text(String field) {
    Bound.Text bound = table.bound(field, Bound.Text.class);
    JsonNode node = event.get(field);
    if (node == null) {
      return missing(field, "a non-blank string");
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      return invalid(field, "must be a non-blank string", node);
    }
    return checked(field, bound.check(node.asText()), RejectReason.INVALID_VALUE) ? node.asText() : null;
  }

  /** One of the words its {@link Bound.Choice} lists. */
  @Nullable String choice(String field) {
    Bound.Choice bound = table.bound(field, Bound.Choice.class);
    JsonNode node = event.get(field);
    if (node == null) {
      return missing(field, bound.describe());
    }
    if (!node.isTextual()) {
      return invalid(field, "must be " + bound.describe(), node);
    }
    return checked(field, bound.check(node.asText()), RejectReason.INVALID_VALUE) ? node.asText() : null;
  }

  @Nullable Boolean bool(String field) {
    table.get(field);
    JsonNode node = event.get(field);
    if (node == null) {
      return missing(field, "true or false");
    }
    return node.isBoolean() ? node.asBoolean() : invalid(field, "must be true or false", node);
  }

  /** A whole number in its bounds; {@code absent} when the field is optional and missing, else required. */
  @Nullable Long count(String field, @Nullable Long absent) {
    Bound.Count bound = table.bound(field, Bound.Count.class);
    JsonNode node = event.get(field);
    if (node == null) {
      return absent != null ? absent : missing(field, bound.describe());
    }
    if (!node.isIntegralNumber()) {
      return invalid(field, "must be " + bound.describe(), node);
    }
    long value = node.canConvertToLong() ? node.asLong() : node.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    return checked(field, bound.check(value, node.asText()), RejectReason.INVALID_VALUE) ? value : null;
  }

  /** A finite number in its bounds; {@code absent} when the field is optional and missing, else required. */
  @Nullable Double number(String field, @Nullable Double absent) {
    Bound.Number bound = table.bound(field, Bound.Number.class);
    JsonNode node = event.get(field);
    if (node == null) {
      return absent != null ? absent : missing(field, bound.describe());
    }
    if (!node.isNumber()) {
      return invalid(field, "must be " + bound.describe(), node);
    }
    // Numbers as written (1e400 reads as Infinity).
    return checked(field, bound.check(node.asDouble(), node.asText()), RejectReason.INVALID_VALUE) ? node.asDouble() : null;
  }

  /** The event's observation time ({@code absent} when not given): older than the lateness is too late. */
  @Nullable Instant observedAt(String field, Instant absent) {
    return time(field, absent, bounds.time(), RejectReason.TOO_LATE);
  }

  /** A freshness data time: any age up to {@link EventBounds#dataTime()}'s. */
  @Nullable Instant dataTime(String field) {
    return time(field, null, bounds.dataTime(), RejectReason.INVALID_VALUE);
  }

  private @Nullable Instant time(String field, @Nullable Instant absent, Bound.Recent bound, RejectReason tooOld) {
    table.get(field);
    JsonNode node = event.get(field);
    if (node == null) {
      return absent != null ? absent : missing(field, "an ISO-8601 time such as 2026-11-25T10:00:00Z");
    }
    Instant time = node.isTextual() ? parseTime(node.asText()) : null;
    if (time == null) {
      return invalid(field, "must be an ISO-8601 time with an offset, such as 2026-11-25T10:00:00Z", node);
    }
    Violation violation = bound.check(time, now);
    RejectReason reason = violation != null && violation.side() == Violation.Side.ABOVE ? RejectReason.FUTURE_TIMESTAMP : tooOld;
    return checked(field, violation, reason) ? time : null;
  }

  private boolean checked(String field, @Nullable Violation violation, RejectReason reason) {
    if (violation == null) {
      return true;
    }
    problem(reason, field, violation.message());
    return false;
  }

  private static @Nullable Instant parseTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private <T> @Nullable T missing(String field, String expected) {
    problem(RejectReason.MALFORMED, field, "missing; must be " + expected);
    return null;
  }

  private <T> @Nullable T invalid(String field, String expected, JsonNode got) {
    problem(RejectReason.INVALID_VALUE, field, expected + ", got " + Shown.cut(got.isNumber() ? got.asText() : got.toString()));
    return null;
  }
}
