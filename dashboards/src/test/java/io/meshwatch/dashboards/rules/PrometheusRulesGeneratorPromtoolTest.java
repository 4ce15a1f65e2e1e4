package io.meshwatch.dashboards.rules;

import static io.meshwatch.dashboards.rules.RuleUnitTest.at;
import static io.meshwatch.dashboards.rules.RuleUnitTest.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.dashboards.rules.RuleUnitTest.AlertCheck;
import io.meshwatch.dashboards.rules.RuleUnitTest.ExpectedAlert;
import io.meshwatch.dashboards.rules.RuleUnitTest.ExprCheck;
import io.meshwatch.dashboards.rules.RuleUnitTest.Group;
import io.meshwatch.dashboards.rules.RuleUnitTest.Sample;
import io.meshwatch.dashboards.rules.RuleUnitTest.Series;
import io.meshwatch.dashboards.rules.RuleUnitTest.Values;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.DataProduct;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated rules as the real Prometheus tooling sees them: {@code promtool check rules} accepts
 * every file, and {@code promtool test rules} shows each alert pending and firing at the expected
 * minute on synthetic collector series (one sample a minute, rules evaluated every minute, the
 * default {@code for: 2m} and {@code keep_firing_for: 5m}): a condition that starts holding at
 * minute t is pending at t and t+1 and fires at t+2.
 */
class PrometheusRulesGeneratorPromtoolTest {
  private static final String BURN = RuleLabels.ALERT_BURN_RATE;
  private static final String BREACHING = RuleLabels.ALERT_BREACHING;
  private static final String SILENT = RuleLabels.ALERT_AGENT_SILENT;
  private static final String ERROR = RuleLabels.ALERT_SLO_ERROR;
  private static final int MINUTES = 60;

  private final PrometheusRulesGenerator generator = new PrometheusRulesGenerator(RulesOptions.DEFAULTS);

  @TempDir Path dir;

  @Test
  void writeTo_everyFilePassesPromtoolCheckRules() throws Exception {
    List<Path> files = generator.writeTo(dir, Mesh.ALL);
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    files.forEach(f -> args.add(f.getFileName().toString()));

    Promtool.Result result = Promtool.run(dir, args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains(generator.generate(Mesh.ALL).values().stream()
        .map(file -> "SUCCESS: " + file.groups().get(0).rules().size() + " rules found").toArray(String[]::new));
  }

  @Test
  void writeTo_alertsFireAtTheExpectedTimesInPromtoolTestRules() throws Exception {
    Promtool.Result result = promtoolTest(List.of(rolling28Days(), longWindowOnly(), calendarMonth(), customCondition(),
        noDataNeverFires(), noDataFreezesAFiringAlert(), errorNeverFires(), errorFreezesAFiringAlert(),
        errorThatStaysRaisesATicket(), breachAndSilentAgent()));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void promtoolTestRules_failsWhenAnAlertFiresAtAnotherTimeThanExpected() throws Exception {
    Group early = new Group("expects the page a minute early", "1m", rolling28Days().inputSeries(),
        List.of(new AlertCheck(at(11), BURN, List.of(expected(Mesh.ORDERS, "fresh-within-1h", BURN, "page")))), List.of());

    Promtool.Result result = promtoolTest(List.of(early));

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("FAILED", "alertname: " + BURN + ", time: 11m");
  }

  /**
   * A 28-day SLO pages at 13.44x (2 % of its budget in 1h), not the 30-day 14.4x: 1h and 5m burn at
   * 13.5x from minute 10 to 20; 1d and 2h at 2.9x (ticket threshold 2.8x) from minute 10 on.
   */
  private static Group rolling28Days() {
    String slo = "fresh-within-1h";
    List<Series> input = List.of(
        burn(Mesh.ORDERS, slo, "1h", Values.hold(1, 10).then(13.5, 11).then(1, 40)),
        burn(Mesh.ORDERS, slo, "5m", Values.hold(1, 10).then(13.5, 11).then(1, 40)),
        burn(Mesh.ORDERS, slo, "1d", Values.hold(1, 10).then(2.9, 51)),
        burn(Mesh.ORDERS, slo, "2h", Values.hold(1, 10).then(2.9, 51)),
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.ORDERS, slo, Values.hold(0, MINUTES)));
    ExpectedAlert page = expected(Mesh.ORDERS, slo, BURN, "page");
    ExpectedAlert ticket = expected(Mesh.ORDERS, slo, BURN, "ticket");
    return new Group("rolling 28d: page and ticket at the window's thresholds", "1m", input, List.of(
        new AlertCheck(at(9), BURN, List.of()),
        new AlertCheck(at(11), BURN, List.of()),
        new AlertCheck(at(12), BURN, List.of(page, ticket)),
        // The burning stops at minute 21; the page keeps firing for 5 minutes.
        new AlertCheck(at(25), BURN, List.of(page, ticket)),
        new AlertCheck(at(26), BURN, List.of(ticket))),
        List.of(
            new ExprCheck(alerts(Mesh.ORDERS, slo), at(9), List.of()),
            new ExprCheck(alerts(Mesh.ORDERS, slo), at(10), List.of(
                alertSample(page, "pending"), alertSample(ticket, "pending"))),
            new ExprCheck(alerts(Mesh.ORDERS, slo), at(11), List.of(
                alertSample(page, "pending"), alertSample(ticket, "pending"))),
            new ExprCheck(alerts(Mesh.ORDERS, slo), at(12), List.of(
                alertSample(page, "firing"), alertSample(ticket, "firing")))));
  }

  /** The long windows burn far above every threshold, the short ones do not: the burning already stopped, no alert. */
  private static Group longWindowOnly() {
    String slo = "quality-checks";
    List<Series> input = List.of(
        burn(Mesh.ORDERS, slo, "1h", Values.hold(20, MINUTES)),
        burn(Mesh.ORDERS, slo, "5m", Values.hold(1, MINUTES)),
        burn(Mesh.ORDERS, slo, "6h", Values.hold(20, MINUTES)),
        burn(Mesh.ORDERS, slo, "30m", Values.hold(1, MINUTES)),
        burn(Mesh.ORDERS, slo, "1d", Values.hold(20, MINUTES)),
        burn(Mesh.ORDERS, slo, "2h", Values.hold(1, MINUTES)),
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.ORDERS, slo, Values.hold(0, MINUTES)));
    return new Group("long window only: no alert", "1m", input,
        List.of(new AlertCheck(at(5), BURN, List.of()), new AlertCheck(at(30), BURN, List.of())),
        List.of(new ExprCheck(alerts(Mesh.ORDERS, slo), at(30), List.of())));
  }

  /**
   * A calendar month's page threshold is 14.88x in a 31-day month and 13.44x in a 28-day one: 1h
   * and 5m burn at 14.5x throughout, which pages only once the window shrinks to 28 days at minute
   * 30 (a new period).
   */
  private static Group calendarMonth() {
    String slo = "closed-monthly";
    List<Series> input = List.of(
        burn(Mesh.LEDGER, slo, "1h", Values.hold(14.5, MINUTES)),
        burn(Mesh.LEDGER, slo, "5m", Values.hold(14.5, MINUTES)),
        gauge(CollectorMetric.SLO_WINDOW_SECONDS, Mesh.LEDGER, slo, Values.hold(31 * 86_400, 30).then(28 * 86_400, 30)),
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.LEDGER, slo, Values.hold(0, MINUTES)));
    String threshold = RuleUnitTest.series(RecordedMetric.SLO_BURN_THRESHOLD.recordName(),
        Map.of("product", "finance.ledger", "domain", "finance", "slo", slo, "condition", "page-1h-5m"), false);
    return new Group("calendar month: the threshold follows the period's length", "1m", input, List.of(
        new AlertCheck(at(29), BURN, List.of()),
        new AlertCheck(at(31), BURN, List.of()),
        new AlertCheck(at(32), BURN, List.of(expected(Mesh.LEDGER, slo, BURN, "page")))),
        List.of(
            new ExprCheck(threshold, at(10), List.of(new Sample(threshold, 14.88))),
            new ExprCheck(threshold, at(40), List.of(new Sample(threshold, 13.44)))));
  }

  /** The customers' SLO pages on its own condition, 12h and 1h above 3x; its 5m window is calm. */
  private static Group customCondition() {
    String slo = "reads";
    List<Series> input = List.of(
        burn(Mesh.CUSTOMERS, slo, "12h", Values.hold(1, 5).then(3.5, 55)),
        burn(Mesh.CUSTOMERS, slo, "1h", Values.hold(1, 5).then(3.5, 55)),
        burn(Mesh.CUSTOMERS, slo, "5m", Values.hold(1, MINUTES)),
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.CUSTOMERS, slo, Values.hold(0, MINUTES)));
    return new Group("custom 12h/1h condition", "1m", input, List.of(
        new AlertCheck(at(6), BURN, List.of()),
        new AlertCheck(at(7), BURN, List.of(expected(Mesh.CUSTOMERS, slo, BURN, "page")))), List.of());
  }

  /** Burning hard while the SLO has no data fires nothing; once data returns it pends and fires as usual. */
  private static Group noDataNeverFires() {
    String slo = "fresh-within-1h";
    List<Series> input = List.of(
        burn(Mesh.ORDERS, slo, "1h", Values.hold(20, MINUTES)),
        burn(Mesh.ORDERS, slo, "5m", Values.hold(20, MINUTES)),
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.ORDERS, slo, Values.hold(1, 20).then(0, 40)));
    return new Group("no data: burning fires nothing", "1m", input, List.of(
        new AlertCheck(at(5), BURN, List.of()),
        new AlertCheck(at(19), BURN, List.of()),
        new AlertCheck(at(21), BURN, List.of()),
        new AlertCheck(at(22), BURN, List.of(expected(Mesh.ORDERS, slo, BURN, "page")))),
        List.of(new ExprCheck(alerts(Mesh.ORDERS, slo), at(19), List.of())));
  }

  /**
   * A firing page whose SLO loses its data at minute 10 (and stops burning) stays firing, far past
   * keep_firing_for, until data returns at minute 30; then it resolves 5 minutes later.
   */
  private static Group noDataFreezesAFiringAlert() {
    String slo = "fresh-within-1h";
    List<Series> input = List.of(
        burn(Mesh.ORDERS, slo, "1h", Values.hold(20, 10).then(0, 50)),
        burn(Mesh.ORDERS, slo, "5m", Values.hold(20, 10).then(0, 50)),
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.ORDERS, slo, Values.hold(0, 10).then(1, 20).then(0, 30)));
    List<ExpectedAlert> page = List.of(expected(Mesh.ORDERS, slo, BURN, "page"));
    return new Group("no data: a firing alert neither resolves", "1m", input, List.of(
        new AlertCheck(at(2), BURN, page),
        new AlertCheck(at(20), BURN, page),
        new AlertCheck(at(29), BURN, page),
        new AlertCheck(at(34), BURN, page),
        new AlertCheck(at(35), BURN, List.of())), List.of());
  }

  /**
   * While the collector fails to evaluate the SLO (error = 1) a breach fires nothing, as with no data;
   * once it evaluates again the breach pends and fires as usual.
   */
  private static Group errorNeverFires() {
    List<Series> input = List.of(
        gauge(CollectorMetric.SLO_BREACHING, Mesh.LEDGER, "runs", Values.hold(1, MINUTES)),
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.LEDGER, "runs", Values.hold(0, MINUTES)),
        gauge(CollectorMetric.SLO_ERROR, Mesh.LEDGER, "runs", Values.hold(1, 20).then(0, 40)));
    return new Group("error: a breach fires nothing, the error a ticket", "1m", input, List.of(
        new AlertCheck(at(5), BREACHING, List.of()),
        new AlertCheck(at(19), BREACHING, List.of()),
        new AlertCheck(at(19), ERROR, List.of(expected(Mesh.LEDGER, "runs", ERROR, "ticket"))),
        new AlertCheck(at(21), BREACHING, List.of()),
        new AlertCheck(at(22), BREACHING, List.of(expected(Mesh.LEDGER, "runs", BREACHING, "ticket")))),
        List.of(new ExprCheck("ALERTS{alertname=\"" + BREACHING + "\",product=\"finance.ledger\",slo=\"runs\"}", at(19),
            List.of())));
  }

  /** A firing page whose SLO turns error at minute 10 (and stops burning) stays firing until it evaluates again at 30. */
  private static Group errorFreezesAFiringAlert() {
    String slo = "quality-checks";
    List<Series> input = List.of(
        burn(Mesh.ORDERS, slo, "1h", Values.hold(20, 10).then(0, 50)),
        burn(Mesh.ORDERS, slo, "5m", Values.hold(20, 10).then(0, 50)),
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.ORDERS, slo, Values.hold(0, MINUTES)),
        gauge(CollectorMetric.SLO_ERROR, Mesh.ORDERS, slo, Values.hold(0, 10).then(1, 20).then(0, 30)));
    List<ExpectedAlert> page = List.of(expected(Mesh.ORDERS, slo, BURN, "page"));
    return new Group("error: a firing alert neither resolves", "1m", input, List.of(
        new AlertCheck(at(2), BURN, page),
        new AlertCheck(at(29), BURN, page),
        new AlertCheck(at(34), BURN, page),
        new AlertCheck(at(35), BURN, List.of())), List.of());
  }

  /**
   * An SLO in error for 3 minutes (minutes 2 to 4) raises nothing; one in error from minute 10 to 39
   * pends for its 10 minutes and fires at 20, and resolves 5 minutes after it evaluates again.
   */
  private static Group errorThatStaysRaisesATicket() {
    String slo = "quality-checks";
    List<Series> input = List.of(
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.ORDERS, slo, Values.hold(0, MINUTES)),
        gauge(CollectorMetric.SLO_ERROR, Mesh.ORDERS, slo, Values.hold(0, 2).then(1, 3).then(0, 5).then(1, 30).then(0, 20)));
    List<ExpectedAlert> ticket = List.of(expected(Mesh.ORDERS, slo, ERROR, "ticket"));
    return new Group("error that stays: a ticket", "1m", input, List.of(
        new AlertCheck(at(5), ERROR, List.of()),
        new AlertCheck(at(19), ERROR, List.of()),
        new AlertCheck(at(20), ERROR, ticket),
        new AlertCheck(at(44), ERROR, ticket),
        new AlertCheck(at(45), ERROR, List.of())), List.of());
  }

  /** The ledger's runs SLO breaches from minute 15; its agent goes silent from minute 30. */
  private static Group breachAndSilentAgent() {
    List<Series> input = List.of(
        gauge(CollectorMetric.SLO_BREACHING, Mesh.LEDGER, "runs", Values.hold(0, 15).then(1, 45)),
        gauge(CollectorMetric.SLO_NO_DATA, Mesh.LEDGER, "runs", Values.hold(0, MINUTES)),
        new Series(series(CollectorMetric.PRODUCT_AGENT_SILENT, productLabels(Mesh.LEDGER)).toString(),
            Values.hold(0, 30).then(1, 30).toString()));
    return new Group("breach and silent agent", "1m", input, List.of(
        new AlertCheck(at(16), BREACHING, List.of()),
        new AlertCheck(at(17), BREACHING, List.of(expected(Mesh.LEDGER, "runs", BREACHING, "ticket"))),
        new AlertCheck(at(31), SILENT, List.of()),
        new AlertCheck(at(32), SILENT, List.of(expected(Mesh.LEDGER, null, SILENT, "ticket")))), List.of());
  }

  private Promtool.Result promtoolTest(List<Group> groups) throws Exception {
    List<String> files = generator.writeTo(dir, Mesh.ALL).stream().map(p -> p.getFileName().toString()).toList();
    new RuleUnitTest(files, "1m", groups).write(dir.resolve("rules.test.yml"));
    return Promtool.run(dir, "test", "rules", "rules.test.yml");
  }

  private static Series burn(DataProduct product, String slo, String window, Values values) {
    Map<String, String> labels = sloLabels(product, slo);
    labels.put("window", window);
    return new Series(series(CollectorMetric.SLO_BURN_RATE, labels), values.toString());
  }

  private static Series gauge(CollectorMetric metric, DataProduct product, String slo, Values values) {
    return new Series(series(metric, sloLabels(product, slo)), values.toString());
  }

  private static Map<String, String> productLabels(DataProduct product) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("product", product.id().toString());
    labels.put("domain", product.domain());
    return labels;
  }

  private static Map<String, String> sloLabels(DataProduct product, String slo) {
    Map<String, String> labels = productLabels(product);
    labels.put("slo", slo);
    return labels;
  }

  private static String alerts(DataProduct product, String slo) {
    return "ALERTS{product=\"" + product.id() + "\",slo=\"" + slo + "\"}";
  }

  /**
   * The alert as promtool reports it: labels spelled out here (all but alertname; no window,
   * instance or job), annotations as generated.
   */
  private static ExpectedAlert expected(DataProduct product, String slo, String alertName, String severity) {
    Map<String, String> labels = productLabels(product);
    labels.put("team", product.ownerTeam());
    labels.put("severity", severity);
    if (slo != null) {
      labels.put("slo", slo);
      labels.put("sli", product.slos().stream().filter(s -> s.name().equals(slo)).findFirst().orElseThrow().kind().label());
    }
    AlertingRule rule = new PrometheusRulesGenerator(RulesOptions.DEFAULTS).generate(Mesh.ALL).get(product.domain())
        .groups().get(0).rules().stream()
        .filter(AlertingRule.class::isInstance).map(AlertingRule.class::cast)
        .filter(r -> r.alert().equals(alertName) && r.labels().equals(labels))
        .findFirst().orElseThrow(() -> new AssertionError("no " + alertName + " with labels " + labels));
    return new ExpectedAlert(labels, rule.annotations());
  }

  private static Sample alertSample(ExpectedAlert alert, String state) {
    Map<String, String> labels = new TreeMap<>(alert.expLabels());
    labels.put("alertname", BURN);
    labels.put("alertstate", state);
    return new Sample(RuleUnitTest.series("ALERTS", labels, false), 1);
  }
}
