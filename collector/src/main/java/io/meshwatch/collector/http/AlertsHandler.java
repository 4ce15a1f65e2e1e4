package io.meshwatch.collector.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.AlertView;
import io.meshwatch.alerting.dispatch.Acknowledgement;
import io.meshwatch.collector.auth.AuthDecision;
import io.meshwatch.collector.guard.ApiBounds;
import io.meshwatch.collector.ingest.RejectReason;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alerts as they stand: {@code GET /api/v1/alerts} (filter by state, product, domain, severity) and
 * {@code POST /api/v1/alerts/{fingerprint}/ack}, which stops repeats of a firing alert until it
 * resolves. Acknowledging takes the admin token or the token of the alert's domain.
 */
final class AlertsHandler {

  private final HttpServices services;

  AlertsHandler(HttpServices services) {
    this.services = services;
  }

  void list(RoutingContext ctx) {
    ApiParameters params = new ApiParameters(ctx, services);
    String state = params.choice("state", ApiBounds.ALERTS_STATE);
    String severity = params.choice("severity", ApiBounds.ALERTS_SEVERITY);
    String product = params.text("product", ApiBounds.ALERTS_PRODUCT);
    String domain = params.text("domain", ApiBounds.ALERTS_DOMAIN);
    if (params.refused()) {
      return;
    }
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (AlertView view : services.alerting().alerts()) {
      Alert alert = view.alert();
      boolean matches = (state == null || view.status().equals(state))
          && (severity == null || alert.severity().label().equals(severity))
          && (product == null || alert.product().toString().equals(product))
          && (domain == null || alert.product().domain().equals(domain));
      if (matches) {
        alerts.add(view(view));
      }
    }
    Responses.json(ctx, 200, Map.of("alerts", alerts, "count", alerts.size()));
  }

  void acknowledge(RoutingContext ctx) {
    ApiParameters params = new ApiParameters(ctx, services);
    String fingerprint = params.path("fingerprint", ApiBounds.ACK_FINGERPRINT);
    if (fingerprint == null) {
      return;
    }
    Optional<AlertView> found = services.alerting().alerts().stream()
        .filter(v -> v.alert().fingerprint().equals(fingerprint)).findFirst();
    if (found.isEmpty()) {
      Responses.error(ctx, 404, "no alert with fingerprint '" + fingerprint + "'; GET /api/v1/alerts lists them");
      return;
    }
    AuthDecision auth = services.authorizer().manageAlerts(Requests.authorization(ctx), found.get().alert().product().domain());
    if (!auth.allowed()) {
      Responses.error(ctx, auth.outcome().httpStatus(), auth.message());
      return;
    }
    JsonNode body = JsonBodies.object(ctx);
    if (body == null) {
      services.ingestMetrics().rejected(RejectReason.MALFORMED, 1);
      return;
    }
    String by = JsonBodies.text(body, "by");
    if (by == null || by.isBlank()) {
      services.ingestMetrics().rejected(RejectReason.MALFORMED, 1);
      Responses.error(ctx, 400, "say who acknowledges: {\"by\": \"jane@example.com\", \"comment\": \"looking into it\"}");
      return;
    }
    String comment = JsonBodies.text(body, "comment");
    List<String> problems = new ArrayList<>();
    JsonBodies.check("by", by, ApiBounds.ACK_BY, problems);
    JsonBodies.check("comment", comment, ApiBounds.ACK_COMMENT, problems);
    if (!problems.isEmpty()) {
      services.ingestMetrics().rejected(RejectReason.INVALID_VALUE, 1);
      Responses.error(ctx, 400, "invalid acknowledgement: " + String.join("; ", problems), Map.of("problems", problems));
      return;
    }
    if (found.get().alert().state() != AlertState.FIRING) {
      Responses.error(ctx, 409, "alert " + fingerprint + " is " + found.get().alert().state().label() + "; only firing alerts are acknowledged");
      return;
    }
    ctx.vertx()
        .executeBlocking(() -> services.alerting().acknowledge(fingerprint, by, comment == null ? "" : comment))
        .onSuccess(ack -> {
          if (ack.isEmpty()) {
            Responses.error(ctx, 409, "alert " + fingerprint + " is no longer firing");
          } else {
            Responses.json(ctx, 200, acknowledgement(ack.get()));
          }
        })
        .onFailure(e -> Refusals.send(ctx, Refusal.unavailable("could not store the acknowledgement: " + e.getMessage(),
            services.server().retryAfter())));
  }

  static Map<String, Object> view(AlertView view) {
    Alert alert = view.alert();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fingerprint", alert.fingerprint());
    out.put("product", alert.product().toString());
    out.put("slo", alert.slo());
    out.put("condition", alert.condition().key());
    out.put("severity", alert.severity().label());
    out.put("state", view.status());
    out.put("labels", alert.labels());
    out.put("annotations", alert.annotations());
    out.put("activeAt", alert.activeAt().toString());
    out.put("startsAt", alert.startsAt() == null ? null : alert.startsAt().toString());
    out.put("endsAt", alert.endsAt() == null ? null : alert.endsAt().toString());
    out.put("silencedBy", view.mute().silencedBy());
    out.put("inhibitedBy", view.mute().inhibitedBy() == null ? null : view.mute().inhibitedBy().toString());
    out.put("acknowledgement", view.acknowledgement() == null ? null : acknowledgement(view.acknowledgement()));
    return out;
  }

  private static Map<String, Object> acknowledgement(Acknowledgement ack) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fingerprint", ack.fingerprint());
    out.put("by", ack.by());
    out.put("comment", ack.comment());
    out.put("at", ack.at().toString());
    return out;
  }
}
