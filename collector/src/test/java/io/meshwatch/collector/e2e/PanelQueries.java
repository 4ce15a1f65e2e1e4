package io.meshwatch.collector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Prometheus query of a dashboard's panels, read from the dashboard's JSON as Grafana reads it
 * (a JSON tree, not our typed model, so that a field the model writes under a wrong name is missed
 * here as Grafana would miss it): panels at the top level and inside rows (collapsed rows hold their
 * panels), each target with an {@code expr} that is not hidden, its variables interpolated by
 * {@link GrafanaVariables}. A repeated panel is read once, with its variable's current value.
 *
 * <pre>{@code
 * for (PanelQueries.PanelQuery query : PanelQueries.of(generated.json())) {
 *   prometheus.api().query(query.expr());
 * }
 * }</pre>
 */
final class PanelQueries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PanelQueries() {}

  /**
   * One panel query: where it is (dashboard uid, panel title, the query's refId), the expression as
   * written and as interpolated, and whether Grafana runs it as a range query (over the dashboard's
   * time range, as time series panels do) or as an instant one.
   */
  record PanelQuery(String dashboardUid, String panelTitle, String refId, String rawExpr, String expr, boolean range) {

    /** E.g. {@code meshwatch-sales / "Burn rate" / A: <expr>}, for failure reports. */
    String describe() {
      return dashboardUid + " / \"" + panelTitle + "\" / " + refId + ": " + expr;
    }
  }

  /** The queries of the dashboard in {@code json} (a dashboard, or an API body with it under {@code dashboard}). */
  static List<PanelQuery> of(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not dashboard JSON", e);
    }
    JsonNode dashboard = root.has("dashboard") && root.path("dashboard").isObject() ? root.path("dashboard") : root;
    GrafanaVariables variables = GrafanaVariables.of(dashboard);
    String uid = dashboard.path("uid").asText("(no uid)");
    List<PanelQuery> queries = new ArrayList<>();
    collect(dashboard.path("panels"), uid, variables, queries);
    return queries;
  }

  private static void collect(JsonNode panels, String uid, GrafanaVariables variables, List<PanelQuery> into) {
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText("");
      for (JsonNode target : panel.path("targets")) {
        JsonNode expr = target.get("expr");
        if (expr == null || !expr.isTextual() || target.path("hide").asBoolean(false)) {
          continue;
        }
        // Grafana's Prometheus query: a range query unless only "instant" is asked for.
        boolean range = target.path("range").asBoolean(!target.path("instant").asBoolean(false));
        into.add(new PanelQuery(uid, title, target.path("refId").asText("?"), expr.asText(),
            variables.interpolate(expr.asText()), range));
      }
      // A row's own panels: a collapsed row keeps them here instead of after it.
      collect(panel.path("panels"), uid, variables, into);
    }
  }
}
