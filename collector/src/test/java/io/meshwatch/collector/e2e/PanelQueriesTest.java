package io.meshwatch.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelQueriesTest {

  /** Hand-written as Grafana saves a dashboard: an expanded row, a collapsed row holding its panels, a text panel. */
  private static final String DASHBOARD = """
      {
        "uid": "hand-written",
        "title": "Hand written",
        "templating": {"list": [
          {"name": "domain", "type": "query", "multi": true, "includeAll": true, "allValue": ".+",
           "current": {"text": "All", "value": ["$__all"]}},
          {"name": "owner", "type": "query", "multi": false, "includeAll": true,
           "current": {"text": "All", "value": "$__all"}},
          {"name": "product", "type": "constant", "query": "sales.orders", "hide": 2,
           "current": {"text": "stale", "value": "stale"}},
          {"name": "slo", "type": "custom", "multi": true, "includeAll": false,
           "current": {"text": ["fresh", "checks.pass"], "value": ["fresh", "checks.pass"]}},
          {"name": "window", "type": "custom", "multi": false, "includeAll": false,
           "current": {"text": "1h", "value": "1h"}}
        ]},
        "panels": [
          {"type": "row", "title": "Overview", "collapsed": false, "panels": []},
          {"type": "stat", "title": "Breaching", "targets": [
            {"refId": "A", "expr": "sum(meshwatch_slo_breaching{domain=~\\"$domain\\"})", "instant": true, "range": false},
            {"refId": "B", "expr": "up", "hide": true}
          ]},
          {"type": "text", "title": "About", "options": {"content": "no query"}},
          {"type": "row", "title": "Details", "collapsed": true, "panels": [
            {"type": "timeseries", "title": "Burn", "targets": [
              {"refId": "A", "expr": "meshwatch_slo_burn_rate{product=\\"${product}\\", slo=~\\"[[slo]]\\", window=\\"$window\\"}"},
              {"refId": "B", "expr": "rate(meshwatch_runs_total{domain=~\\"${owner}\\"}[$__rate_interval])"}
            ]}
          ]}
        ]
      }
      """;

  @Test
  void of_readsEveryVisibleTargetOfPanelsAndOfPanelsInsideRows() {
    List<PanelQueries.PanelQuery> queries = PanelQueries.of(DASHBOARD);

    assertThat(queries).extracting(PanelQueries.PanelQuery::dashboardUid, PanelQueries.PanelQuery::panelTitle,
            PanelQueries.PanelQuery::refId)
        .containsExactly(tuple("hand-written", "Breaching", "A"), tuple("hand-written", "Burn", "A"),
            tuple("hand-written", "Burn", "B"));
  }

  @Test
  void of_instantTargetsAreInstantQueriesAndTheRestRangeQueries() {
    assertThat(PanelQueries.of(DASHBOARD)).extracting(PanelQueries.PanelQuery::panelTitle, PanelQueries.PanelQuery::range)
        .containsExactly(tuple("Breaching", false), tuple("Burn", true), tuple("Burn", true));
  }

  @Test
  void of_allSelectedTakesTheCustomAllValueOrElseAnyValue() {
    List<PanelQueries.PanelQuery> queries = PanelQueries.of(DASHBOARD);

    assertThat(queries.get(0).expr()).isEqualTo("sum(meshwatch_slo_breaching{domain=~\".+\"})");
    assertThat(queries.get(2).expr()).isEqualTo("rate(meshwatch_runs_total{domain=~\".*\"}[1m])");
    assertThat(queries.get(2).rawExpr()).contains("$__rate_interval");
  }

  @Test
  void of_constantsTakeTheirQueryAndMultiValuesBecomeAnEscapedAlternation() {
    assertThat(PanelQueries.of(DASHBOARD).get(1).expr())
        .isEqualTo("meshwatch_slo_burn_rate{product=\"sales.orders\", slo=~\"(fresh|checks\\\\.pass)\", window=\"1h\"}");
  }

  @Test
  void of_dashboardWrappedAsTheApiSendsIt() {
    assertThat(PanelQueries.of("{\"dashboard\": " + DASHBOARD + ", \"overwrite\": true}")).hasSize(3);
  }

  @Test
  void interpolate_builtInsInEverySyntax() {
    GrafanaVariables variables = GrafanaVariables.of(tree("{}"));

    assertThat(variables.interpolate("increase(x[${__range}]) / $__range_s + y[[[__interval]]] + z[$__interval]"))
        .isEqualTo("increase(x[5m]) / 300 + y[15s] + z[15s]");
  }

  @Test
  void interpolate_unknownNamesStayAsGrafanaLeavesThem() {
    GrafanaVariables variables = GrafanaVariables.of(tree("{}"));

    assertThat(variables.interpolate("label_replace(up{job=\"$job\"}, \"a\", \"$1\", \"b\", \"(.*)\")"))
        .isEqualTo("label_replace(up{job=\"$job\"}, \"a\", \"$1\", \"b\", \"(.*)\")");
  }

  @Test
  void interpolate_formatsOverrideTheDefault() {
    GrafanaVariables variables = GrafanaVariables.of(tree(DASHBOARD));

    assertThat(variables.interpolate("${slo:pipe} ${slo:csv} ${slo:raw} ${window:regex}"))
        .isEqualTo("fresh|checks.pass fresh,checks.pass fresh,checks.pass 1h");
  }

  private static JsonNode tree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
