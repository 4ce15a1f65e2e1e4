package io.meshwatch.collector.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.alerting.routing.Matcher;
import io.meshwatch.alerting.silence.Silence;
import io.meshwatch.alerting.silence.SilenceRequest;
import io.meshwatch.alerting.silence.Silences;
import io.meshwatch.collector.auth.AuthDecision;
import io.meshwatch.collector.descriptor.DurationText;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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

  private static final List<String> STATES = Arrays.stream(Silence.State.values()).map(Silence.State::label).toList();

  private final HttpServices services;

  SilencesHandler(HttpServices services) {
    this.services = services;
  }

  void list(RoutingContext ctx) {
    String state = ctx.queryParams().get("state");
    if (state != null && !STATES.contains(state)) {
      Responses.error(ctx, 400, "state must be one of " + STATES + ", got '" + state + "'");
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
    Optional<Silence> silence = services.alerting().silence(ctx.pathParam("id"));
    if (silence.isEmpty()) {
      Responses.error(ctx, 404, "no silence with id '" + ctx.pathParam("id") + "'");
      return;
    }
    Responses.json(ctx, 200, view(silence.get(), services.clock().instant()));
  }

  void create(RoutingContext ctx) {
    JsonNode body = JsonBodies.object(ctx);
    if (body == null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    List<Matcher> matchers = matchers(body.get("matchers"), problems);
    Instant now = services.clock().instant();
    Instant startsAt = instant(body, "startsAt", problems);
    Instant endsAt = endsAt(body, startsAt == null ? now : startsAt, problems);
    String createdBy = JsonBodies.text(body, "createdBy");
    String comment = JsonBodies.text(body, "comment");
    if (createdBy == null || createdBy.isBlank()) {
      problems.add("createdBy: say who silences, e.g. \"jane@example.com\"");
    }
    if (!problems.isEmpty()) {
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
    Optional<Silence> silence = services.alerting().silence(ctx.pathParam("id"));
    if (silence.isEmpty()) {
      Responses.error(ctx, 404, "no silence with id '" + ctx.pathParam("id") + "'");
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
    List<Matcher> matchers = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      try {
        matchers.add(item.isTextual() ? Matcher.parse(item.asText()) : objectMatcher(item));
      } catch (IllegalArgumentException e) {
        problems.add("matchers[" + i + "]: " + e.getMessage());
      }
    }
    return matchers;
  }

  /** Alertmanager's form: {@code {"name": "team", "value": "sales", "isRegex": false, "isEqual": true}}. */
  private static Matcher objectMatcher(JsonNode item) {
    if (!item.isObject() || !item.hasNonNull("name") || !item.hasNonNull("value")) {
      throw new IllegalArgumentException("a matcher is a string such as product=\"sales.orders\" or an object with name and value");
    }
    boolean regex = item.path("isRegex").asBoolean(false);
    boolean equal = item.path("isEqual").asBoolean(true);
    Matcher.Op op = regex ? (equal ? Matcher.Op.REGEX : Matcher.Op.NOT_REGEX) : (equal ? Matcher.Op.EQUAL : Matcher.Op.NOT_EQUAL);
    return new Matcher(item.get("name").asText(), op, item.get("value").asText());
  }

  private static @Nullable Instant instant(JsonNode body, String field, List<String> problems) {
    String text = JsonBodies.text(body, field);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(field + ": must be an RFC 3339 time such as 2026-11-25T18:00:00Z, got '" + text + "'");
      return null;
    }
  }

  /** {@code endsAt}, or {@code duration} after the start; exactly one of them. */
  private static @Nullable Instant endsAt(JsonNode body, Instant start, List<String> problems) {
    boolean hasEnd = body.hasNonNull("endsAt");
    if (hasEnd == body.hasNonNull("duration")) {
      problems.add("give either endsAt (a time) or duration (such as 2h), one of them");
      return null;
    }
    if (hasEnd) {
      return instant(body, "endsAt", problems);
    }
    try {
      return start.plus(DurationText.parse(JsonBodies.text(body, "duration")));
    } catch (IllegalArgumentException e) {
      problems.add("duration: " + e.getMessage());
      return null;
    }
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
