package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.GridPos;
import io.meshwatch.dashboards.grafana.PanelItem;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MeshDashboardsTest {
  /** Regenerate with {@code mvn -q -B -o -pl dashboards -am test -Dmeshwatch.updateGolden=true}, after reviewing the diff. */
  private static final boolean UPDATE_GOLDEN = Boolean.getBoolean("meshwatch.updateGolden");
  private static final Path GOLDEN = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden/dashboards");
  static final DashboardOptions OPTIONS =
      new DashboardOptions(DashboardOptions.DEFAULTS.datasource(), URI.create("http://collector.example.com:8080/"));

  private final MeshDashboards generator = new MeshDashboards(OPTIONS);

  @Test
  void generate_matchesGoldenFiles() throws IOException {
    List<GeneratedDashboard> generated = generator.generate(Mesh.ALL);
    if (UPDATE_GOLDEN) {
      write(generated);
    }

    List<String> expectedFiles = generated.stream().map(MeshDashboardsTest::goldenPath).sorted().toList();
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> GOLDEN.relativize(p).toString()).sorted().toList())
          .as("golden dashboards; after a reviewed change regenerate with -Dmeshwatch.updateGolden=true")
          .isEqualTo(expectedFiles);
    }
    for (GeneratedDashboard dashboard : generated) {
      assertThat(dashboard.json())
          .as("%s differs from its golden file; review the diff, then regenerate with -Dmeshwatch.updateGolden=true",
              goldenPath(dashboard))
          .isEqualTo(Files.readString(GOLDEN.resolve(goldenPath(dashboard)), StandardCharsets.UTF_8));
    }
  }

  @Test
  void generate_isTheSameWhateverTheOrderOfProductsAndSlos() {
    List<DataProduct> shuffled = new ArrayList<>(Mesh.ALL);
    Collections.shuffle(shuffled, new Random(7));
    DataProduct orders = Mesh.ORDERS;
    List<io.meshwatch.model.SloSpec> slos = new ArrayList<>(orders.slos());
    Collections.reverse(slos);
    shuffled.set(shuffled.indexOf(orders), new DataProduct(orders.id(), orders.ownerTeam(), orders.onCall(),
        orders.description(), orders.tags(), orders.version(), orders.upstream(), orders.links(), slos));

    assertThat(json(generator.generate(shuffled))).isEqualTo(json(generator.generate(Mesh.ALL)));
  }

  @Test
  void generate_overviewThenEachDomainFollowedByItsProducts() {
    assertThat(generator.generate(Mesh.ALL)).extracting(d -> d.folder().directory() + "/" + d.dashboard().uid())
        .containsExactly(
            "meshwatch/meshwatch-overview",
            "finance/meshwatch-domain-finance", "finance/meshwatch-finance-fx-rates", "finance/meshwatch-finance-ledger",
            "logistics/meshwatch-domain-logistics", "logistics/meshwatch-logistics-shipments",
            "sales/meshwatch-domain-sales", "sales/meshwatch-sales-customers", "sales/meshwatch-sales-orders");
  }

  @Test
  void generate_uidsAreUniqueShortAndStableAcrossGenerators() {
    List<String> uids = generator.generate(Mesh.ALL).stream().map(d -> d.dashboard().uid()).toList();
    List<String> again = new MeshDashboards(DashboardOptions.DEFAULTS).generate(Mesh.ALL).stream()
        .map(d -> d.dashboard().uid()).toList();

    assertThat(uids).doesNotHaveDuplicates().allSatisfy(uid -> assertThat(uid).hasSizeLessThanOrEqualTo(40)
        .matches("[a-zA-Z0-9_-]+"));
    assertThat(again).isEqualTo(uids);
  }

  @Test
  void generate_duplicateProductsAreNamed() {
    assertThatThrownBy(() -> generator.generate(List.of(Mesh.ORDERS, Mesh.LEDGER, Mesh.ORDERS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sales.orders");
  }

  @Test
  void generate_panelsFitTheGridWithoutOverlapAndHaveUniqueIds() {
    for (GeneratedDashboard generated : generator.generate(Mesh.ALL)) {
      Dashboard dashboard = generated.dashboard();
      List<PanelItem> items = dashboard.panels();
      Set<Integer> ids = new HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        GridPos a = items.get(i).gridPos();
        assertThat(a.x() + a.w()).as("%s item %d", dashboard.uid(), i).isLessThanOrEqualTo(GridPos.COLUMNS);
        assertThat(ids.add(id(items.get(i)))).as("%s: id of item %d is unique", dashboard.uid(), i).isTrue();
        for (int j = i + 1; j < items.size(); j++) {
          GridPos b = items.get(j).gridPos();
          boolean overlap = a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
          assertThat(overlap).as("%s: items %d and %d overlap", dashboard.uid(), i, j).isFalse();
        }
      }
    }
  }

  @Test
  void generate_productUidsStayTheSameWhenTheMeshChanges() {
    String alone = Dashboards.byUid(generator.generate(List.of(Mesh.ORDERS)), Uids.product(Mesh.ORDERS.id())).uid();

    assertThat(generator.generate(Mesh.ALL)).extracting(d -> d.dashboard().uid()).contains(alone);
    assertThat(alone).isEqualTo(Uids.product(ProductId.parse("sales.orders")));
  }

  private static int id(PanelItem item) {
    return item instanceof io.meshwatch.dashboards.grafana.Panel p ? p.id() : ((io.meshwatch.dashboards.grafana.Row) item).id();
  }

  private static String goldenPath(GeneratedDashboard dashboard) {
    return dashboard.folder().directory() + "/" + dashboard.fileName();
  }

  private static String json(List<GeneratedDashboard> dashboards) {
    return dashboards.stream().map(GeneratedDashboard::json).collect(Collectors.joining());
  }

  private static void write(List<GeneratedDashboard> generated) throws IOException {
    if (Files.isDirectory(GOLDEN)) {
      try (Stream<Path> old = Files.walk(GOLDEN)) {
        for (Path p : old.sorted(Collections.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (GeneratedDashboard dashboard : generated) {
      Path file = GOLDEN.resolve(goldenPath(dashboard));
      Files.createDirectories(file.getParent());
      Files.writeString(file, dashboard.json(), StandardCharsets.UTF_8);
    }
  }
}
