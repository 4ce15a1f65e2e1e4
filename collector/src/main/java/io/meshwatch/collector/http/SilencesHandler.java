package io.meshwatch.collector.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.alerting.routing.Matcher;
import io.meshwatch.alerting.silence.Silence;
import io.meshwatch.alerting.silence.SilenceRequest;
import io.meshwatch.alerting.silence.Silences;
import io.meshwatch.collector.auth.AuthDecision;
import io.meshwatch.collector.descriptor.DurationText;
import io.meshwatch.collector.guard.ApiBounds;
import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.Field;
import io.meshwatch.collector.guard.Shown;
import io.meshwatch.collector.guard.Violation;
import io.meshwatch.collector.ingest.RejectReason;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Silences: {@code POST /api/v1/silences}, {@code GET /api/v1/silences[?state=]},
 * {@code GET /api/v1/silences/{id}}, {@code DELETE /api/v1/silences/{id}} (expires it). A silence
 * pinned to one domain ({@code domain="sales"}) may be made and ended with that domain's token; any
 * other silence needs the admin token.
 */
final class SilencesHandler {

  private final HttpServices services;

  SilencesHandler(HttpServices services) {
    this.services = services;
  }

  void list(RoutingContext ctx) {
    ApiParameters params = new ApiParameters(ctx, services);
    String state = params.choice("state", ApiBounds.SILENCES_STATE);
    if (params.refused()) {
      return;
    }
    Instant now = services.clock().instant();
    List<Map<String, Object>> silences = services.alerting().silences().stream()
        .filter(s -> state == null || s.state(now).label().equals(state))
        .map(s -> view(s, now))
        .toList();
    Responses.json(ctx, 200, Map.of("silences", silences, "count", silences.size()));
  }

  void get(RoutingContext ctx) {
    String id = new ApiParameters(ctx, services).path("id", ApiBounds.SILENCE_ID);
    if (id == null) {
      return;
    }
    Optional<Silence> silence = services.alerting().silence(id);
    if (silence.isEmpty()) {
      Responses.error(ctx, 404, "no silence with id '" + id + "'");
      return;
    }
    Responses.json(ctx, 200, view(silence.get(), services.clock().instant()));
  }

  void create(RoutingContext ctx) {
    // The token first: which token the silence needs depends on its matchers, but that it is one that
    // may manage alerts at all is checked before the body is, so a stranger learns nothing from it.
    if (!mayManageSomeAlerts(ctx)) {
      return;
    }
    JsonNode body = JsonBodies.object(ctx);
    if (body == null) {
      services.ingestMetrics().rejected(RejectReason.MALFORMED, 1);
      return;
    }
    List<String> problems = new ArrayList<>();
    List<Matcher> matchers = matchers(body.get("matchers"), problems);
    Instant now = services.clock().instant();
    Instant startsAt = instant(body, "startsAt", ApiBounds.SILENCE_STARTS_AT, now, problems);
    Instant endsAt = endsAt(body, startsAt == null || startsAt.isBefore(now) ? now : startsAt, now, problems);
    String createdBy = JsonBodies.text(body, "createdBy");
    String comment = JsonBodies.text(body, "comment");
    if (createdBy == null || createdBy.isBlank()) {
      problems.add("createdBy: say who silences, e.g. \"jane@example.com\"");
    } else {
      JsonBodies.check("createdBy", createdBy, ApiBounds.SILENCE_CREATED_BY, problems);
    }
    JsonBodies.check("comment", comment, ApiBounds.SILENCE_COMMENT, problems);
    if (!problems.isEmpty()) {
      services.ingestMetrics().rejected(RejectReason.INVALID_VALUE, 1);
      Responses.error(ctx, 400, "invalid silence: " + String.join("; ", problems), Map.of("problems", problems));
      return;
    }
    if (!allowed(ctx, matchers)) {
      return;
    }
    SilenceRequest request = new SilenceRequest(matchers, createdBy, comment == null ? "" : comment, startsAt, endsAt);
    ctx.vertx()
        .executeBlocking(() -> services.alerting().addSilence(request))
        .onSuccess(silence -> {
          ctx.response().putHeader("Location", "/api/v1/silences/" + silence.id());
          Responses.json(ctx, 201, view(silence, services.clock().instant()));
        })
        .onFailure(e -> {
          if (e instanceof IllegalArgumentException) {
            Responses.error(ctx, 400, e.getMessage());
          } else {
            Refusals.send(ctx, Refusal.unavailable(e.getMessage(), services.server().retryAfter()));
          }
        });
  }

  void expire(RoutingContext ctx) {
    String id = new ApiParameters(ctx, services).path("id", ApiBounds.SILENCE_ID);
    if (id == null) {
      return;
    }
    Optional<Silence> silence = services.alerting().silence(id);
    if (silence.isEmpty()) {
      Responses.error(ctx, 404, "no silence with id '" + id + "'");
      return;
    }
    if (!allowed(ctx, silence.get().matchers())) {
      return;
    }
    ctx.vertx()
        .executeBlocking(() -> services.alerting().expireSilence(silence.get().id()).orElseThrow())
        .onSuccess(expired -> Responses.json(ctx, 200, view(expired, services.clock().instant())))
        .onFailure(e -> Refusals.send(ctx, Refusal.unavailable("could not expire the silence: " + e.getMessage(),
            services.server().retryAfter())));
  }

  /** Whether the token is an admin's or a domain's: answers 401 or 403 when it is neither. */
  private boolean mayManageSomeAlerts(RoutingContext ctx) {
    String authorization = Requests.authorization(ctx);
    AuthDecision all = services.authorizer().manageAllAlerts(authorization);
    if (all.allowed() || services.authorizer().domainOf(authorization).isPresent()) {
      return true;
    }
    Responses.error(ctx, all.outcome().httpStatus(), all.message());
    return false;
  }

  /** A domain token may touch silences pinned to its domain; others take the admin token. Answers when not. */
  private boolean allowed(RoutingContext ctx, List<Matcher> matchers) {
    String authorization = Requests.authorization(ctx);
    Optional<String> pinned = Silences.pinnedDomain(matchers);
    AuthDecision auth = pinned.isPresent()
        ? services.authorizer().manageAlerts(authorization, pinned.get())
        : services.authorizer().manageAllAlerts(authorization);
    if (auth.allowed()) {
      return true;
    }
    Optional<String> tokenDomain = services.authorizer().domainOf(authorization);
    String message = pinned.isEmpty() && tokenDomain.isPresent()
        ? "a silence made with the " + tokenDomain.get() + " domain token must include the matcher domain=\""
            + tokenDomain.get() + "\"; silences across domains need the admin token"
        : auth.message();
    Responses.error(ctx, auth.outcome().httpStatus(), message);
    return false;
  }

  private static List<Matcher> matchers(@Nullable JsonNode node, List<String> problems) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      problems.add("matchers: give a list such as [\"product=\\\"sales.orders\\\"\"]");
      return List.of();
    }
    Violation tooMany = ApiBounds.SILENCE_MATCHERS.bound().check(node.size());
    if (tooMany != null) {
      problems.add("matchers: " + tooMany.message());
      return List.of();
    }
    List<Matcher> matchers = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String field = "matchers[" + i + "]";
      int before = problems.size();
      // Checked before parsing: a matcher's regex is compiled, which must not see megabytes.
      if (item.isTextual()) {
        JsonBodies.check(field, item.asText(), ApiBounds.SILENCE_MATCHER, problems);
      } else if (item.hasNonNull("name") && item.hasNonNull("value")) {
        JsonBodies.check(field + ".name", item.get("name").asText(), ApiBounds.SILENCE_MATCHER_NAME, problems);
        JsonBodies.check(field + ".value", item.get("value").asText(), ApiBounds.SILENCE_MATCHER_VALUE, problems);
      }
      if (problems.size() > before) {
        continue;
      }
      try {
        matchers.add(item.isTextual() ? Matcher.parse(item.asText()) : objectMatcher(item));
      } catch (IllegalArgumentException e) {
        problems.add(field + ": " + e.getMessage());
      }
    }
    return matchers;
  }

  /** Alertmanager's form: {@code {"name": "team", "value": "sales", "isRegex": false, "isEqual": true}}. */
  private static Matcher objectMatcher(JsonNode item) {
    if (!item.isObject() || !item.hasNonNull("name") || !item.hasNonNull("value")) {
      throw new IllegalArgumentException("a matcher is a string such as product=\"sales.orders\" or an object with name and value");
    }
    boolean regex = flag(item, "isRegex", false);
    boolean equal = flag(item, "isEqual", true);
    Matcher.Op op = regex ? (equal ? Matcher.Op.REGEX : Matcher.Op.NOT_REGEX) : (equal ? Matcher.Op.EQUAL : Matcher.Op.NOT_EQUAL);
    return new Matcher(item.get("name").asText(), op, item.get("value").asText());
  }

  private static boolean flag(JsonNode item, String field, boolean absent) {
    JsonNode value = item.get(field);
    if (value != null && !value.isNull() && !value.isBoolean()) {
      throw new IllegalArgumentException(field + " must be true or false, got " + Shown.cut(value.toString()));
    }
    return value == null || value.isNull() ? absent : value.asBoolean();
  }

  private static @Nullable Instant instant(JsonNode body, String field, @Nullable Field<Bound.Recent> bound, Instant now,
      List<String> problems) {
    String text = JsonBodies.text(body, field);
    if (text == null) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(field + ": must be an RFC 3339 time such as 2026-11-25T18:00:00Z, got " + Shown.quoted(text));
      return null;
    }
    Violation violation = bound == null ? null : bound.bound().check(instant, now);
    if (violation != null) {
      problems.add(field + ": " + violation.message());
      return null;
    }
    return instant;
  }

  /**
   * {@code endsAt}, or {@code duration} after the start; exactly one of them. Either way the silence
   * lasts at most its bound: an end far beyond it would overflow the time arithmetic of expiry.
   */
  private static @Nullable Instant endsAt(JsonNode body, Instant start, Instant now, List<String> problems) {
    boolean hasEnd = body.hasNonNull("endsAt");
    if (hasEnd == body.hasNonNull("duration")) {
      problems.add("give either endsAt (a time) or duration (such as 2h), one of them");
      return null;
    }
    Bound.Span bound = ApiBounds.SILENCE_DURATION.bound();
    if (hasEnd) {
      Instant end = instant(body, "endsAt", null, now, problems);
      if (end != null && end.isAfter(start) && Duration.between(start, end).compareTo(bound.max()) > 0) {
        problems.add("endsAt: must be at most " + Shown.duration(bound.max()) + " after the silence's start (" + start
            + "), got " + end);
        return null;
      }
      return end;
    }
    String text = JsonBodies.text(body, "duration");
    Duration duration;
    try {
      duration = DurationText.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add("duration: " + e.getMessage());
      return null;
    }
    Violation violation = bound.check(duration, text);
    if (violation != null) {
      problems.add("duration: " + violation.message());
      return null;
    }
    return start.plus(duration);
  }

  static Map<String, Object> view(Silence silence, Instant now) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", silence.id());
    out.put("matchers", silence.matchers().stream().map(Matcher::toString).toList());
    out.put("createdBy", silence.createdBy());
    out.put("comment", silence.comment());
    out.put("startsAt", silence.startsAt().toString());
    out.put("endsAt", silence.endsAt().toString());
    out.put("state", silence.state(now).label());
    return out;
  }
}
