package io.meshwatch.dashboards.rules;

import io.meshwatch.model.BurnRateThresholds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.model.CollectorMetric;
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
  void generate_pageAlertIsTwoWindowPairsMatchedOnTheSloIdentity() {
    AlertingRule page = alerts("sales").stream()
        .filter(r -> r.labels().get("slo") != null && r.labels().get("slo").equals("fresh-within-1h")
            && "page".equals(r.labels().get("severity")))
        .findFirst().orElseThrow();

    assertThat(page.alert()).isEqualTo("MeshwatchErrorBudgetBurn");
    assertThat(page.expr()).isEqualTo("""
        (
          max by (product, domain, slo) (meshwatch_slo_burn_rate{product="sales.orders",slo="fresh-within-1h",window="1h"}) > 14.4
          and on (product, domain, slo)
          max by (product, domain, slo) (meshwatch_slo_burn_rate{product="sales.orders",slo="fresh-within-1h",window="5m"}) > 14.4
        )
        or
        (
          max by (product, domain, slo) (meshwatch_slo_burn_rate{product="sales.orders",slo="fresh-within-1h",window="6h"}) > 6
          and on (product, domain, slo)
          max by (product, domain, slo) (meshwatch_slo_burn_rate{product="sales.orders",slo="fresh-within-1h",window="30m"}) > 6
        )""");
    assertThat(page.labels()).containsEntry("team", "sales-team").containsEntry("domain", "sales")
        .containsEntry("product", "sales.orders").containsEntry("sli", "freshness");
    assertThat(page.annotations()).containsEntry("runbook_url", "https://runbooks.example.com/sales/orders");
    assertThat(page.forDuration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(page.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void generate_usesConfiguredThresholdsAndTimings() {
    RulesOptions options = new RulesOptions(Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(10),
        new BurnRateThresholds(10, 5, 2, 0.5));
    List<AlertingRule> rules = new PrometheusRulesGenerator(options).generate(List.of(Mesh.LEDGER)).get("finance")
        .groups().get(0).rules().stream().filter(AlertingRule.class::isInstance).map(AlertingRule.class::cast).toList();

    assertThat(rules).filteredOn(r -> "ticket".equals(r.labels().get("severity")) && r.alert().equals("MeshwatchErrorBudgetBurn"))
        .singleElement().satisfies(r -> {
          assertThat(r.expr()).contains("window=\"1d\"}) > 2", "window=\"3d\"}) > 0.5");
          assertThat(r.forDuration()).isZero();
          assertThat(r.keepFiringFor()).isEqualTo(Duration.ofMinutes(10));
        });
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
