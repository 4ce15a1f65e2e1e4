package io.meshwatch.dashboards.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.CollectorMetric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated rules as the real Prometheus tooling sees them. */
class PrometheusRulesGeneratorPromtoolTest {
  private static final String BURN = "MeshwatchErrorBudgetBurn";
  private static final String ORDERS_RUNBOOK = "https://runbooks.example.com/sales/orders";

  private final PrometheusRulesGenerator generator = new PrometheusRulesGenerator(RulesOptions.DEFAULTS);

  @TempDir Path dir;

  @Test
  void writeTo_everyFilePassesPromtoolCheckRules() throws Exception {
    List<Path> files = generator.writeTo(dir, Mesh.ALL);
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    files.forEach(f -> args.add(f.getFileName().toString()));

    Promtool.Result result = Promtool.run(dir, args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: 14 rules found", "SUCCESS: 8 rules found");
  }

  /**
   * Synthetic collector gauges, one sample a minute: the fresh SLO burns its budget fast (1h and 5m
   * at 20x) from minute 10 to 20 and steadily (1d and 2h at 4x) from minute 10 on; the quality SLO
   * burns on long windows only, which must not alert; the quality SLO breaches from minute 15 and the
   * agent goes silent from minute 30. With {@code for: 2m} and {@code keep_firing_for: 5m}, alerts
   * fire two minutes after their condition starts and stop five minutes after it ends.
   */
  @Test
  void writeTo_alertsFireAndResolveAtTheExpectedTimesInPromtoolTestRules() throws Exception {
    generator.writeTo(dir, Mesh.ALL);
    List<Object> series = new ArrayList<>();
    series.add(burn("fresh-within-1h", BurnWindow.H1, "1x9 20x10 1x30"));
    series.add(burn("fresh-within-1h", BurnWindow.M5, "1x9 20x10 1x30"));
    series.add(burn("fresh-within-1h", BurnWindow.D1, "1x9 4x40"));
    series.add(burn("fresh-within-1h", BurnWindow.H2, "1x9 4x40"));
    // Long windows burning without their short windows: the burning already stopped, no page.
    series.add(burn("quality-checks", BurnWindow.H1, "1x9 20x40"));
    series.add(burn("quality-checks", BurnWindow.M5, "1x50"));
    series.add(burn("quality-checks", BurnWindow.H6, "1x9 5.9x40"));
    series.add(burn("quality-checks", BurnWindow.M30, "1x9 7x40"));
    series.add(Map.of("series", sloSeries(CollectorMetric.SLO_BREACHING, "quality-checks", null), "values", "0x14 1x35"));
    series.add(Map.of("series", productSeries(CollectorMetric.PRODUCT_AGENT_SILENT), "values", "0x29 1x20"));

    List<Object> checks = List.of(
        expect("11m", BURN),
        expect("12m", BURN, freshPage(), freshTicket()),
        expect("25m", BURN, freshPage(), freshTicket()),
        expect("26m", BURN, freshTicket()),
        expect("16m", "MeshwatchSloBreaching"),
        expect("17m", "MeshwatchSloBreaching", qualityBreaching()),
        expect("31m", "MeshwatchAgentSilent"),
        expect("32m", "MeshwatchAgentSilent", ordersSilent()));
    Map<String, Object> test = new LinkedHashMap<>();
    test.put("rule_files", List.of(PrometheusRulesGenerator.fileName("sales")));
    test.put("evaluation_interval", "1m");
    test.put("tests", List.of(Map.of("interval", "1m", "input_series", series, "alert_rule_test", checks)));
    new ObjectMapper(new YAMLFactory()).writeValue(dir.resolve("sales.test.yml").toFile(), test);

    Promtool.Result result = Promtool.run(dir, "test", "rules", "sales.test.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  private static Map<String, Object> freshPage() {
    return alert(sloLabels("fresh-within-1h", "freshness", "page"), Map.of(
        "summary", "sales.orders: SLO fresh-within-1h is burning its error budget fast (page)",
        "description", "Long-window burn rate 20.0x (1h and 5m burn above 14.4x, or 6h and 30m above 6x).",
        "runbook_url", ORDERS_RUNBOOK));
  }

  private static Map<String, Object> freshTicket() {
    return alert(sloLabels("fresh-within-1h", "freshness", "ticket"), Map.of(
        "summary", "sales.orders: SLO fresh-within-1h is burning its error budget steadily (ticket)",
        "description", "Long-window burn rate 4.0x (1d and 2h burn above 3x, or 3d and 6h above 1x).",
        "runbook_url", ORDERS_RUNBOOK));
  }

  private static Map<String, Object> qualityBreaching() {
    return alert(sloLabels("quality-checks", "quality", "ticket"), Map.of(
        "summary", "sales.orders: SLO quality-checks is below its 99% objective",
        "description", "Compliance over the SLO's 28d window is below the objective: the promise to consumers is broken.",
        "runbook_url", ORDERS_RUNBOOK));
  }

  private static Map<String, Object> ordersSilent() {
    return alert(Map.of("product", "sales.orders", "domain", "sales", "team", "sales-team", "severity", "ticket"), Map.of(
        "summary", "sales.orders: the agent has gone silent",
        "description", "Nothing was heard from the product's pipeline for longer than the silence timeout; "
            + "its SLOs cannot be measured until it reports again.",
        "runbook_url", ORDERS_RUNBOOK));
  }

  /** The alert's labels as promtool expects them: all but alertname, and no window, instance or job. */
  private static Map<String, String> sloLabels(String slo, String sli, String severity) {
    return Map.of("product", "sales.orders", "domain", "sales", "slo", slo, "sli", sli,
        "severity", severity, "team", "sales-team");
  }

  private static Map<String, Object> alert(Map<String, String> labels, Map<String, String> annotations) {
    return Map.of("exp_labels", new TreeMap<>(labels), "exp_annotations", new TreeMap<>(annotations));
  }

  private static Map<String, Object> expect(String at, String alertName, Object... alerts) {
    return Map.of("eval_time", at, "alertname", alertName, "exp_alerts", List.of(alerts));
  }

  private static Map<String, Object> burn(String slo, BurnWindow window, String values) {
    return Map.of("series", sloSeries(CollectorMetric.SLO_BURN_RATE, slo, window.label()), "values", values);
  }

  // As the collector exposes them, plus the labels Prometheus' scrape adds.
  private static String sloSeries(CollectorMetric metric, String slo, String window) {
    String windowLabel = window == null ? "" : ",window=\"" + window + "\"";
    return metric.prometheusName() + "{product=\"sales.orders\",domain=\"sales\",slo=\"" + slo + "\"" + windowLabel
        + ",instance=\"127.0.0.1:8080\",job=\"meshwatch\"}";
  }

  private static String productSeries(CollectorMetric metric) {
    return metric.prometheusName() + "{product=\"sales.orders\",domain=\"sales\",instance=\"127.0.0.1:8080\",job=\"meshwatch\"}";
  }
}
