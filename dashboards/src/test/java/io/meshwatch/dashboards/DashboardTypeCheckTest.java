package io.meshwatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwatch.dashboards.board.Mesh;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3 of issue 5: dashboard JSON type-checks against {@code @grafana/schema} with tsc.
 * One tsc run checks the model's every-kind dashboard and, to prove the check can fail, copies of it
 * with one mistake each, every one of which must give its own error.
 */
class DashboardTypeCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GENERATED = "generated-";
  private static final DashboardOptions WITH_LINKS = new DashboardOptions(
      DashboardOptions.DEFAULTS.datasource(), java.net.URI.create("https://meshwatch.example.com"));
  private static DashboardTypeCheck.Result result;

  @BeforeAll
  static void typeCheck() throws Exception {
    DashboardTypeCheck check = DashboardTypeCheck.prepared();
    String good = SampleDashboards.everyKind("sales", "meshwatch-sales-every-kind").json();
    Map<String, String> files = new TreeMap<>();
    files.put("every-kind", good);
    files.put("overview", SampleDashboards.overview("meshwatch mesh").json());
    for (GeneratedDashboard generated : new DashboardGenerator(WITH_LINKS).generate(Mesh.ALL)) {
      files.put(GENERATED + generated.dashboard().uid(), generated.json());
    }
    files.put("dashboard-field-misspelled", edit(good, d -> d.set("titel", d.remove("title"))));
    files.put("custom-field-misspelled", edit(good, d -> {
      ObjectNode custom = (ObjectNode) panel(d, "timeseries").at("/fieldConfig/defaults/custom");
      custom.set("drawStyl", custom.remove("drawStyle"));
    }));
    files.put("threshold-mode-wrong", edit(good, d ->
        ((ObjectNode) panel(d, "gauge").at("/fieldConfig/defaults/thresholds")).put("mode", "absolut")));
    files.put("stat-option-wrong", edit(good, d -> ((ObjectNode) panel(d, "stat").get("options"))
        .put("colorMode", "backgrond")));
    files.put("timeseries-option-on-stat", edit(good, d -> ((ObjectNode) panel(d, "stat").get("options"))
        .set("legend", panel(d, "timeseries").at("/options/legend"))));
    files.put("query-field-misspelled", edit(good, d -> {
      ObjectNode target = (ObjectNode) panel(d, "bargauge").at("/targets/0");
      target.set("exp", target.remove("expr"));
    }));
    files.put("variable-hide-wrong", edit(good, d -> ((ObjectNode) d.at("/templating/list/1")).put("hide", 7)));
    files.put("mapping-result-misspelled", edit(good, d -> {
      ObjectNode result = (ObjectNode) panel(d, "stat").at("/fieldConfig/defaults/mappings/0/options/1");
      result.set("txt", result.remove("text"));
    }));
    files.put("panel-type-unknown", edit(good, d -> ((ObjectNode) panel(d, "text")).put("type", "piechart")));
    result = check.check(files);
  }

  @Test
  void check_everyGeneratedDashboardPasses() {
    List<GeneratedDashboard> generated = new DashboardGenerator(WITH_LINKS).generate(Mesh.ALL);

    assertThat(generated).hasSizeGreaterThan(5);
    for (GeneratedDashboard dashboard : generated) {
      assertThat(result.errorsIn(GENERATED + dashboard.dashboard().uid())).as(dashboard.dashboard().uid()).isEmpty();
    }
  }

  @Test
  void check_everyModelKindPasses() {
    assertThat(result.errorsIn("every-kind")).isEmpty();
    assertThat(result.errorsIn("overview")).isEmpty();
    assertThat(result.output()).contains("error TS"); // the broken copies below did fail: tsc ran
  }

  @Test
  void check_misspelledDashboardFieldFails() {
    assertThat(result.errorsIn("dashboard-field-misspelled")).singleElement().asString().contains("'\"titel\"'");
  }

  @Test
  void check_misspelledTimeSeriesFieldConfigFails() {
    assertThat(result.errorsIn("custom-field-misspelled")).singleElement().asString().contains("'\"drawStyl\"'");
  }

  @Test
  void check_wrongStringEnumValueFails() {
    assertThat(result.errorsIn("threshold-mode-wrong")).singleElement().asString().contains("\"absolut\"");
    assertThat(result.errorsIn("stat-option-wrong")).singleElement().asString().contains("\"backgrond\"");
  }

  @Test
  void check_optionOfAnotherPanelTypeFails() {
    assertThat(result.errorsIn("timeseries-option-on-stat")).singleElement().asString().contains("'\"legend\"'");
  }

  @Test
  void check_misspelledPrometheusQueryFieldFails() {
    assertThat(result.errorsIn("query-field-misspelled")).singleElement().asString().contains("'\"exp\"'");
  }

  @Test
  void check_wrongNumericEnumValueFails() {
    assertThat(result.errorsIn("variable-hide-wrong")).singleElement().asString().contains("'7'");
  }

  @Test
  void check_misspelledValueMappingFails() {
    assertThat(result.errorsIn("mapping-result-misspelled")).singleElement().asString().contains("'\"txt\"'");
  }

  @Test
  void check_unknownPanelTypeFails() {
    assertThat(result.errorsIn("panel-type-unknown")).isNotEmpty();
  }

  private static String edit(String json, Consumer<ObjectNode> change) throws Exception {
    ObjectNode dashboard = (ObjectNode) JSON.readTree(json);
    change.accept(dashboard);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(dashboard);
  }

  private static JsonNode panel(ObjectNode dashboard, String type) {
    for (JsonNode panel : dashboard.get("panels")) {
      if (type.equals(panel.path("type").asText())) {
        return panel;
      }
    }
    throw new IllegalArgumentException("no " + type + " panel");
  }
}
