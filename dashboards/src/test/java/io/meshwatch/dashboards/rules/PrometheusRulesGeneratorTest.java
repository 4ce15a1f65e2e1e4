package io.meshwatch.dashboards.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.DurationLabel;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusRulesGeneratorTest {
  /** Regenerate the golden files with {@code mvn -pl dashboards test -Dmeshwatch.updateGolden=true}. */
  static final boolean UPDATE_GOLDEN = Boolean.getBoolean("meshwatch.updateGolden");
  static final Path GOLDEN = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden");

  private final PrometheusRulesGenerator generator = new PrometheusRulesGenerator(RulesOptions.DEFAULTS);

  @Test
  void generate_matchesGoldenFiles() throws IOException {
    SortedMap<String, RuleFile> files = generator.generate(Mesh.ALL);
    if (UPDATE_GOLDEN) {
      generator.writeTo(GOLDEN, Mesh.ALL);
    }

    assertThat(goldenFileNames())
        .as("golden files; regenerate with -Dmeshwatch.updateGolden=true")
        .containsExactlyInAnyOrder(files.keySet().stream().map(PrometheusRulesGenerator::fileName).toArray(String[]::new));
    for (Map.Entry<String, RuleFile> file : files.entrySet()) {
      assertThat(file.getValue().toYaml())
          .as("%s differs from its golden file; review the diff, then regenerate with -Dmeshwatch.updateGolden=true",
              PrometheusRulesGenerator.fileName(file.getKey()))
          .isEqualTo(Files.readString(GOLDEN.resolve(PrometheusRulesGenerator.fileName(file.getKey())), StandardCharsets.UTF_8));
    }
  }

  @Test
  void generate_isTheSameWhateverTheOrderOfProductsAndSlos() {
    List<io.meshwatch.model.DataProduct> shuffled = new ArrayList<>(Mesh.ALL);
    Collections.shuffle(shuffled, new Random(42));
    io.meshwatch.model.DataProduct orders = Mesh.ORDERS;
    List<io.meshwatch.model.SloSpec> slos = new ArrayList<>(orders.slos());
    Collections.reverse(slos);
    shuffled.set(shuffled.indexOf(orders), new io.meshwatch.model.DataProduct(orders.id(), orders.ownerTeam(),
        orders.onCall(), orders.description(), orders.tags(), orders.version(), orders.upstream(), orders.links(), slos));

    assertThat(yaml(generator.generate(shuffled))).isEqualTo(yaml(generator.generate(Mesh.ALL)));
  }

  @Test
  void generate_refersOnlyToMetricsTheCollectorExposes() {
    Set<String> exposed = Arrays.stream(CollectorMetric.values()).map(CollectorMetric::prometheusName).collect(Collectors.toSet());
    Pattern metricName = Pattern.compile("\\b(meshwatch_[a-z_]+)\\{");

    List<String> referenced = new ArrayList<>();
    for (RuleFile file : generator.generate(Mesh.ALL).values()) {
      for (Rule rule : file.groups().get(0).rules()) {
        Matcher m = metricName.matcher(rule.expr());
        while (m.find()) {
          referenced.add(m.group(1));
        }
      }
    }

    assertThat(referenced).isNotEmpty().allMatch(exposed::contains);
  }

  @Test
  void generate_pageAlertIsAnyPageConditionAtTheSlosThresholdUnlessNoDataOrError() {
    AlertingRule page = alert("sales", "fresh-within-1h", "page");

    assertThat(page.alert()).isEqualTo("MeshwatchErrorBudgetBurn");
    // 2 % of a 28-day budget in 1h is 13.44x, 5 % in 6h is 5.6x; the collector's doubles exactly.
    assertThat(page.expr()).isEqualTo("""
        (
          max by (product, domain, slo) (
            (
              slo:burn_rate:ratio{product="sales.orders",slo="fresh-within-1h",window="1h"} > 13.44
              and on (product, domain, slo)
              slo:burn_rate:ratio{product="sales.orders",slo="fresh-within-1h",window="5m"} > 13.44
            )
            or
            (
              slo:burn_rate:ratio{product="sales.orders",slo="fresh-within-1h",window="6h"} > 5.6
              and on (product, domain, slo)
              slo:burn_rate:ratio{product="sales.orders",slo="fresh-within-1h",window="30m"} > 5.6
            )
          )
        )
        unless on (product, domain, slo)
        (
          max by (product, domain, slo) (meshwatch_slo_no_data{product="sales.orders",slo="fresh-within-1h"}) == 1
          or
          max by (product, domain, slo) (meshwatch_slo_error{product="sales.orders",slo="fresh-within-1h"}) == 1
        )
        or
        (
          max by (product, domain, slo) (ALERTS{alertname="MeshwatchErrorBudgetBurn",alertstate="firing",product="sales.orders",severity="page",slo="fresh-within-1h"})
          and on (product, domain, slo)
          (
            max by (product, domain, slo) (meshwatch_slo_no_data{product="sales.orders",slo="fresh-within-1h"}) == 1
            or
            max by (product, domain, slo) (meshwatch_slo_error{product="sales.orders",slo="fresh-within-1h"}) == 1
          )
        )""");
    assertThat(page.labels()).containsEntry("team", "sales-team").containsEntry("domain", "sales")
        .containsEntry("product", "sales.orders").containsEntry("sli", "freshness").doesNotContainKey("window");
    assertThat(page.annotations())
        .containsEntry("runbook_url", "https://runbooks.example.com/sales/orders")
        .containsEntry("conditions", "page-1h-5m, page-6h-30m")
        .hasEntrySatisfying("description", d -> assertThat(d).contains("page-1h-5m: 1h and 5m above 13.44x; page-6h-30m: 6h and 30m above 5.6x"));
    assertThat(page.forDuration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(page.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void generate_rollingThresholdsAreTheCollectorsOwnDoubles() {
    Pattern constant = Pattern.compile("window=\"(\\w+)\"\\} > ([0-9.]+)");
    for (DataProduct product : Mesh.ALL) {
      for (SloSpec slo : product.slos()) {
        if (!(slo.window() instanceof SloWindow.Rolling rolling)) {
          continue;
        }
        for (BurnCondition condition : slo.burnConditions()) {
          String expr = alert(product.domain(), slo.name(), condition.severity().label()).expr();
          Matcher m = constant.matcher(expr);
          List<Double> thresholds = new ArrayList<>();
          while (m.find()) {
            if (m.group(1).equals(DurationLabel.of(condition.longWindow()))) {
              thresholds.add(Double.parseDouble(m.group(2)));
            }
          }
          assertThat(thresholds).as("%s %s %s", product.id(), slo.name(), condition.label())
              .contains(condition.burnRate(rolling.length()));
        }
      }
    }
  }

  @Test
  void generate_calendarSloComparesWithThresholdsRecordedFromTheCurrentPeriodsLength() {
    List<Rule> rules = generator.generate(Mesh.ALL).get("finance").groups().get(0).rules();
    List<RecordingRule> thresholds = rules.stream().filter(RecordingRule.class::isInstance).map(RecordingRule.class::cast)
        .filter(r -> r.record().equals("slo:burn_threshold:ratio") && r.expr().contains("closed-monthly")).toList();
    AlertingRule page = alert("finance", "closed-monthly", "page");

    assertThat(thresholds).extracting(r -> r.labels().get("condition"))
        .containsExactly("page-1h-5m", "page-6h-30m", "ticket-1d-2h", "ticket-3d-6h");
    assertThat(thresholds.get(0).expr()).isEqualTo(
        "0.02 * (max by (product, domain, slo) (meshwatch_slo_window_seconds{product=\"finance.ledger\",slo=\"closed-monthly\"}) * 1000) / 3600000");
    assertThat(page.expr()).contains("""
        slo:burn_rate:ratio{product="finance.ledger",slo="closed-monthly",window="1h"} > on (product, domain, slo) \
        slo:burn_threshold:ratio{condition="page-1h-5m",product="finance.ledger",slo="closed-monthly"}
        """);
    assertThat(page.annotations()).containsEntry("dashboard_url", "https://grafana.example.com/d/finance-ledger")
        .hasEntrySatisfying("description", d -> assertThat(d).contains("page-1h-5m: 1h and 5m above 2% of the month's budget in 1h"));
  }

  @Test
  void generate_customConditionAlertsOnItsOwnWindowsAndAnSloWithoutTicketConditionsHasNoTicketAlert() {
    List<AlertingRule> reads = alerts("sales").stream().filter(r -> "reads".equals(r.labels().get("slo"))).toList();

    assertThat(reads).extracting(r -> r.alert() + "/" + r.labels().get("severity"))
        .containsExactly("MeshwatchErrorBudgetBurn/page", "MeshwatchSloBreaching/ticket", "MeshwatchSloError/ticket");
    assertThat(reads.get(0).expr()).contains(
        "slo:burn_rate:ratio{product=\"sales.customers\",slo=\"reads\",window=\"12h\"} > 3\n",
        "slo:burn_rate:ratio{product=\"sales.customers\",slo=\"reads\",window=\"1h\"} > 3\n");
    assertThat(reads.get(0).annotations()).containsEntry("conditions", "page-12h-1h");
  }

  @Test
  void generate_recordsEachSlosSeriesBeforeItsAlerts() {
    List<Rule> rules = generator.generate(List.of(Mesh.CUSTOMERS)).get("sales").groups().get(0).rules();

    assertThat(rules).extracting(r -> r instanceof RecordingRule rec ? rec.record() : ((AlertingRule) r).alert())
        .containsExactly("product_window:meshwatch_slo_burn_rate:max", "product:meshwatch_slo_error_budget_remaining:min",
            "domain:meshwatch_slo_breaching:sum",
            "slo:sli:ratio", "slo:compliance:ratio", "slo:objective:ratio", "slo:error_budget_remaining:ratio",
            "slo:burn_rate:ratio", "slo:burn_threshold:ratio",
            "MeshwatchAgentSilent", "MeshwatchErrorBudgetBurn", "MeshwatchSloBreaching", "MeshwatchSloError");
    assertThat(rules.get(7).expr()).isEqualTo(
        "max by (product, domain, slo, window) (meshwatch_slo_burn_rate{product=\"sales.customers\",slo=\"reads\"})");
    // A rolling window's threshold is a constant; the rule's labels name the SLO and condition.
    assertThat(rules.get(8).expr()).isEqualTo("vector(3)");
    assertThat(rules.get(8).labels()).containsExactly(Map.entry("condition", "page-12h-1h"), Map.entry("domain", "sales"),
        Map.entry("product", "sales.customers"), Map.entry("slo", "reads"));
  }

  @Test
  void generate_breachAlertIsTheCollectorsBreachingStateHeldWhileNoData() {
    AlertingRule breach = alert("finance", "runs", "ticket", "MeshwatchSloBreaching");

    assertThat(breach.expr()).startsWith("""
        (
          max by (product, domain, slo) (meshwatch_slo_breaching{product="finance.ledger",slo="runs"}) == 1
        )
        unless on (product, domain, slo)
        """).contains("ALERTS{alertname=\"MeshwatchSloBreaching\",alertstate=\"firing\",product=\"finance.ledger\",slo=\"runs\"}");
  }

  @Test
  void generate_usesConfiguredTimings() {
    RulesOptions options = new RulesOptions(Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(10));
    RuleGroup group = new PrometheusRulesGenerator(options).generate(List.of(Mesh.LEDGER)).get("finance").groups().get(0);

    assertThat(group.interval()).isEqualTo(Duration.ofMinutes(1));
    List<AlertingRule> alerts = group.rules().stream().filter(AlertingRule.class::isInstance).map(AlertingRule.class::cast).toList();
    assertThat(alerts).filteredOn(r -> !r.alert().equals(RuleLabels.ALERT_SLO_ERROR)).isNotEmpty()
        .allSatisfy(r -> {
          assertThat(r.forDuration()).isZero();
          assertThat(r.keepFiringFor()).isEqualTo(Duration.ofMinutes(10));
        });
    // An SLO in error alerts only once it stays so: its own fixed for, the configured keep_firing_for.
    assertThat(alerts).filteredOn(r -> r.alert().equals(RuleLabels.ALERT_SLO_ERROR)).isNotEmpty()
        .allSatisfy(r -> {
          assertThat(r.forDuration()).isEqualTo(Duration.ofMinutes(10));
          assertThat(r.keepFiringFor()).isEqualTo(Duration.ofMinutes(10));
        });
  }

  @Test
  void generate_anSloInErrorRaisesATicket_andItsOtherAlertsSayTheyFreezeOnIt() {
    AlertingRule error = alert("finance", "runs", "ticket", RuleLabels.ALERT_SLO_ERROR);

    assertThat(error.expr()).isEqualTo("max by (product, domain, slo) (meshwatch_slo_error{product=\"finance.ledger\",slo=\"runs\"}) == 1");
    assertThat(error.annotations()).containsEntry("summary", "finance.ledger: SLO runs cannot be evaluated");
    assertThat(alerts("finance")).filteredOn(r -> r.labels().containsKey("slo") && !r.alert().equals(RuleLabels.ALERT_SLO_ERROR))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.annotations().get("description")).contains("or cannot be evaluated (state error)"));
  }

  @Test
  void generate_productWithoutSlosGetsOnlyItsSilentAgentAlert() {
    List<AlertingRule> rules = alerts("finance").stream()
        .filter(r -> "finance.fx-rates".equals(r.labels().get("product"))).toList();

    assertThat(rules).singleElement().satisfies(r -> {
      assertThat(r.alert()).isEqualTo("MeshwatchAgentSilent");
      assertThat(r.expr()).isEqualTo(
          "max by (product, domain) (meshwatch_product_agent_silent{product=\"finance.fx-rates\"}) == 1");
      assertThat(r.annotations()).doesNotContainKey("runbook_url");
    });
  }

  @Test
  void generate_rejectsProductsDeclaredTwiceNamingThem() {
    assertThatThrownBy(() -> generator.generate(List.of(Mesh.ORDERS, Mesh.LEDGER, Mesh.ORDERS, Mesh.LEDGER)))
        .hasMessageContaining("finance.ledger, sales.orders");
  }

  @Test
  void writeTo_writesOneFilePerDomainAndReplacesOldContent(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("meshwatch-sales.rules.yml"), "stale");

    List<Path> written = generator.writeTo(dir.resolve("rules"), Mesh.ALL);
    generator.writeTo(dir, List.of(Mesh.ORDERS));

    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("meshwatch-finance.rules.yml", "meshwatch-sales.rules.yml");
    assertThat(Files.readString(dir.resolve("meshwatch-sales.rules.yml")))
        .startsWith("# Generated by meshwatch").contains("sales.orders").doesNotContain("sales.customers");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("meshwatch-sales.rules.yml", "rules");
    }
  }

  private AlertingRule alert(String domain, String slo, String severity) {
    return alert(domain, slo, severity, "MeshwatchErrorBudgetBurn");
  }

  private AlertingRule alert(String domain, String slo, String severity, String name) {
    return alerts(domain).stream()
        .filter(r -> r.alert().equals(name) && slo.equals(r.labels().get("slo")) && severity.equals(r.labels().get("severity")))
        .findFirst().orElseThrow();
  }

  private List<AlertingRule> alerts(String domain) {
    return generator.generate(Mesh.ALL).get(domain).groups().get(0).rules().stream()
        .filter(AlertingRule.class::isInstance).map(AlertingRule.class::cast).toList();
  }

  private static List<String> yaml(SortedMap<String, RuleFile> files) {
    return files.values().stream().map(RuleFile::toYaml).toList();
  }

  private static List<String> goldenFileNames() throws IOException {
    if (!Files.isDirectory(GOLDEN)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rules.yml")).toList();
    }
  }
}
