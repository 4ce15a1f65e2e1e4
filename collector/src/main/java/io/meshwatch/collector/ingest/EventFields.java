package io.meshwatch.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of one JSON event's fields. A field that is missing or of the wrong kind is reported
 * to {@code problems} by its path (e.g. {@code events[2].rows}) and read as {@code null}, so every
 * problem of the event is found in one pass.
 */
final class EventFields {

  private final JsonNode event;
  private final String path;
  private final Instant latest;
  private final String latestText;
  private final Instant earliest;
  private final String earliestText;
  private final Consumer<Rejection> problems;
  private boolean failed;

  EventFields(JsonNode event, String path, Instant now, Duration maxSkew, Duration maxLateness,
      Consumer<Rejection> problems) {
    this.event = event;
    this.path = path;
    this.latest = now.plus(maxSkew);
    this.latestText = "more than " + maxSkew + " after the collector's clock (" + now + ")";
    this.earliest = now.minus(maxLateness);
    this.earliestText = "more than " + maxLateness + " before the collector's clock (" + now + ")";
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
        problem(RejectReason.MALFORMED, name, "unknown field for a " + kind + " event; allowed: " + String.join(", ", allowed));
      }
    });
  }

  @Nullable String text(String field) {
    JsonNode node = event.get(field);
    if (node == null) {
      return missing(field, "a non-blank string");
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      return invalid(field, "must be a non-blank string", node);
    }
    return node.asText();
  }

  @Nullable Boolean bool(String field) {
    JsonNode node = event.get(field);
    if (node == null) {
      return missing(field, "true or false");
    }
    return node.isBoolean() ? node.asBoolean() : invalid(field, "must be true or false", node);
  }

  /** A whole number >= 0; {@code absent} when the field is optional and missing, else required. */
  @Nullable Long count(String field, @Nullable Long absent) {
    JsonNode node = event.get(field);
    if (node == null) {
      return absent != null ? absent : missing(field, "a whole number >= 0");
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
      return invalid(field, "must be a whole number >= 0", node);
    }
    return node.asLong();
  }

  /** A finite number >= 0; {@code absent} when the field is optional and missing, else required. */
  @Nullable Double number(String field, @Nullable Double absent) {
    JsonNode node = event.get(field);
    if (node == null) {
      return absent != null ? absent : missing(field, "a number >= 0");
    }
    if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < 0) {
      return invalid(field, "must be a number >= 0", node);
    }
    return node.asDouble();
  }

  /** An ISO-8601 time no later than the clock allows; {@code absent} when optional and missing. */
  @Nullable Instant time(String field, @Nullable Instant absent) {
    JsonNode node = event.get(field);
    if (node == null) {
      return absent != null ? absent : missing(field, "an ISO-8601 time such as 2026-11-25T10:00:00Z");
    }
    Instant time = node.isTextual() ? parseTime(node.asText()) : null;
    if (time == null) {
      return invalid(field, "must be an ISO-8601 time with an offset, such as 2026-11-25T10:00:00Z", node);
    }
    if (time.isAfter(latest)) {
      problem(RejectReason.FUTURE_TIMESTAMP, field, time + " is in the future, " + latestText);
      return null;
    }
    return time;
  }

  /**
   * The event's observation time ({@code absent} when not given): like {@link #time}, and not older
   * than the lateness allows, because a late event would land in a bucket the SLOs already judged.
   */
  @Nullable Instant observedAt(String field, Instant absent) {
    Instant time = time(field, absent);
    if (time != null && time.isBefore(earliest)) {
      problem(RejectReason.TOO_LATE, field, time + " is too late, " + earliestText);
      return null;
    }
    return time;
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
    // Numbers as written (1e400 is Infinity), everything else as JSON so strings show their quotes.
    problem(RejectReason.INVALID_VALUE, field, expected + ", got " + (got.isNumber() ? got.asText() : got.toString()));
    return null;
  }
}
