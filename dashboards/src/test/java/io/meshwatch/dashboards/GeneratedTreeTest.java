package io.meshwatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.dashboards.provisioning.ProvisioningOptions;
import io.meshwatch.dashboards.rules.RecordingRule;
import io.meshwatch.dashboards.rules.RuleFile;
import io.meshwatch.dashboards.rules.RuleGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedTreeTest {
  @TempDir Path out;

  private final GeneratedDashboard overview = SampleDashboards.overview("meshwatch mesh");
  private final GeneratedDashboard orders = SampleDashboards.everyKind("sales", "meshwatch-sales-orders");
  private final GeneratedDashboard customers = SampleDashboards.everyKind("sales", "meshwatch-sales-customers");
  private final GeneratedDashboard ledger = SampleDashboards.everyKind("finance", "meshwatch-finance-ledger");
  private final Map<String, RuleFile> rules = Map.of("sales", rules("sales"), "finance", rules("finance"));

  @Test
  void write_laysOutDashboardsByFolderProvisioningAndRules() throws IOException {
    GeneratedTree.Summary summary =
        GeneratedTree.write(out, List.of(overview, orders, customers, ledger), rules, ProvisioningOptions.DEFAULTS);

    assertThat(files(out)).containsExactly(
        ".meshwatch-generated",
        "dashboards/finance/meshwatch-finance-ledger.json",
        "dashboards/meshwatch/meshwatch-overview.json",
        "dashboards/sales/meshwatch-sales-customers.json",
        "dashboards/sales/meshwatch-sales-orders.json",
        "provisioning/dashboards/meshwatch.yaml",
        "provisioning/datasources/meshwatch.yaml",
        "rules/meshwatch-finance.rules.yml",
        "rules/meshwatch-sales.rules.yml");
    assertThat(Files.readString(out.resolve("dashboards/sales/meshwatch-sales-orders.json"))).isEqualTo(orders.json());
    assertThat(Files.readString(out.resolve("rules/meshwatch-sales.rules.yml"))).isEqualTo(rules.get("sales").toYaml());
    assertThat(Files.readString(out.resolve("provisioning/dashboards/meshwatch.yaml")))
        .contains("path: " + out.resolve("dashboards").toAbsolutePath());
    assertThat(summary).isEqualTo(new GeneratedTree.Summary(4, 3, 2, 2, 8, 0, List.of()));
    assertThat(summary.describe()).isEqualTo(
        "4 dashboards in 3 folders, 2 rule files, 2 provisioning files (8 changed, 0 unchanged), 0 stale files removed");
  }

  @Test
  void write_sameInputInAnyOrder_leavesEveryByteAndFileAsItWas() throws IOException {
    GeneratedTree.write(out, List.of(overview, orders, customers, ledger), rules, ProvisioningOptions.DEFAULTS);
    Map<String, byte[]> before = contents(out);
    Path ordersFile = out.resolve("dashboards/sales/meshwatch-sales-orders.json");
    var modified = Files.getLastModifiedTime(ordersFile);
    Files.setLastModifiedTime(ordersFile, java.nio.file.attribute.FileTime.fromMillis(modified.toMillis() - 60_000));

    GeneratedTree.Summary again = GeneratedTree.write(out, List.of(ledger, customers, orders, overview),
        new TreeMap<>(rules), ProvisioningOptions.DEFAULTS);

    assertThat(again.written()).isZero();
    assertThat(again.unchanged()).isEqualTo(8);
    assertThat(contents(out)).containsOnlyKeys(before.keySet());
    Map<String, byte[]> after = contents(out);
    before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
    assertThat(Files.getLastModifiedTime(ordersFile).toMillis()).isEqualTo(modified.toMillis() - 60_000);
  }

  @Test
  void write_productAndDomainGone_removesTheirFilesButNotOthers() throws IOException {
    GeneratedTree.write(out, List.of(overview, orders, customers, ledger), rules, ProvisioningOptions.DEFAULTS);
    Files.writeString(out.resolve("dashboards/sales/hand-made.json"), "{}");
    Files.writeString(out.resolve("rules/team-own.rules.yml"), "groups: []\n");

    GeneratedTree.Summary summary = GeneratedTree.write(out, List.of(overview, orders),
        Map.of("sales", rules("sales")), ProvisioningOptions.DEFAULTS);

    assertThat(summary.removed()).containsExactly("dashboards/finance/meshwatch-finance-ledger.json",
        "dashboards/sales/meshwatch-sales-customers.json", "rules/meshwatch-finance.rules.yml");
    assertThat(out.resolve("dashboards/finance")).doesNotExist();
    assertThat(out.resolve("dashboards/sales/hand-made.json")).exists();
    assertThat(out.resolve("rules/team-own.rules.yml")).exists();
    assertThat(out.resolve("dashboards/sales/meshwatch-sales-orders.json")).exists();
  }

  @Test
  void write_editedManifest_neverDeletesOutsideDashboardsAndRules() throws IOException {
    GeneratedTree.write(out, List.of(orders), Map.of(), ProvisioningOptions.DEFAULTS);
    Path precious = Files.writeString(out.resolve("precious.json"), "{}");
    Files.writeString(out.resolve(GeneratedTree.MANIFEST),
        "precious.json\ndashboards/../precious.json\nprovisioning/datasources/meshwatch.yaml\n");

    GeneratedTree.write(out, List.of(orders), Map.of(), ProvisioningOptions.DEFAULTS);

    assertThat(precious).exists();
    assertThat(out.resolve("provisioning/datasources/meshwatch.yaml")).exists();
  }

  @Test
  void write_grafanaPathGiven_providerPointsThere() throws IOException {
    GeneratedTree.write(out, List.of(orders), Map.of(),
        new ProvisioningOptions(ProvisioningOptions.DEFAULT_PROMETHEUS_URL, "/var/lib/grafana/meshwatch"));

    assertThat(Files.readString(out.resolve("provisioning/dashboards/meshwatch.yaml")))
        .contains("path: /var/lib/grafana/meshwatch\n");
  }

  @Test
  void write_clashingDashboards_reportsEveryClashAndWritesNothing() {
    GeneratedDashboard twin = SampleDashboards.everyKind("finance", "meshwatch-sales-orders");
    GeneratedDashboard sameDir = new GeneratedDashboard(new GeneratedDashboard.Folder("other", "Other", "sales"),
        SampleDashboards.everyKind("x", "meshwatch-x").dashboard());
    GeneratedDashboard badDir = new GeneratedDashboard(new GeneratedDashboard.Folder("up", "Up", ".."),
        SampleDashboards.everyKind("x", "meshwatch-y").dashboard());

    assertThatThrownBy(() -> GeneratedTree.write(out, List.of(orders, twin, sameDir, badDir), Map.of(),
        ProvisioningOptions.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share the uid meshwatch-sales-orders")
        .hasMessageContaining("folders meshwatch-sales and other share the directory sales")
        .hasMessageContaining("folder directory '..' of dashboard meshwatch-y is not a single safe path segment");
    assertThat(out).isEmptyDirectory();
  }

  private static RuleFile rules(String domain) {
    return new RuleFile(List.of(new RuleGroup("meshwatch-" + domain, Duration.ofSeconds(30),
        List.of(new RecordingRule("domain:up:sum", "sum(up)", Map.of("domain", domain))))));
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> contents = new TreeMap<>();
    for (String file : files(root)) {
      contents.put(file, Files.readAllBytes(root.resolve(file)));
    }
    return contents;
  }
}
