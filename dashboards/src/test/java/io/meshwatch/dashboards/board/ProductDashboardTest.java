package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.DashboardLink;
import io.meshwatch.dashboards.grafana.Panel;
import io.meshwatch.dashboards.grafana.PanelItem;
import io.meshwatch.dashboards.grafana.Row;
import io.meshwatch.dashboards.grafana.Thresholds;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.ProductId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductDashboardTest {
  private static final Map<ProductId, String> UIDS = Map.of(
      Mesh.ORDERS.id(), Uids.product(Mesh.ORDERS.id()),
      Mesh.LEDGER.id(), Uids.product(Mesh.LEDGER.id()));

  private final ProductDashboard withCollector = new ProductDashboard(
      new DashboardOptions(DashboardOptions.DEFAULTS.datasource(), URI.create("http://collector:8080/")));
  private final ProductDashboard withoutCollector = new ProductDashboard(DashboardOptions.DEFAULTS);

  @Test
  void build_inTheDomainsFolderWithTheProductsUid() {
    GeneratedDashboard orders = withCollector.build(Mesh.ORDERS, UIDS);

    assertThat(orders.folder()).isEqualTo(GeneratedDashboard.Folder.domain("sales"));
    assertThat(orders.dashboard().uid()).isEqualTo("meshwatch-sales-orders");
  }

  @Test
  void build_aRowPerSloThenPerSignal() {
    Dashboard orders = withCollector.build(Mesh.ORDERS, UIDS).dashboard();

    assertThat(rows(orders)).containsExactly(
        "SLO fresh-within-1h · freshness · 99.5% over 28d", "SLO quality-checks · quality · 99% over 28d",
        "Freshness", "Quality", "Volume", "Usage", "Runs");
  }

  @Test
  void build_sliPanelHasTheObjectiveAsThreshold() {
    Dashboard orders = withCollector.build(Mesh.ORDERS, UIDS).dashboard();
    Panel sli = Dashboards.panel(orders, "SLI against the 99.5% objective");

    assertThat(sli.fieldConfig().defaults().unit()).isEqualTo("percentunit");
    assertThat(sli.fieldConfig().defaults().max()).isEqualTo(1.0);
    assertThat(thresholdValues(sli.fieldConfig().defaults().thresholds())).containsExactly(0.995);
    assertThat(sli.fieldConfig().defaults().custom().thresholdsStyle().mode()).isEqualTo("dashed");
    assertThat(sli.targets()).extracting(t -> t.expr()).allSatisfy(e -> assertThat(e).contains("slo=\"fresh-within-1h\""));
  }

  @Test
  void build_burnPanelPerConditionWithItsThresholdAtTheSloWindow() {
    Dashboard orders = withCollector.build(Mesh.ORDERS, UIDS).dashboard();
    List<Panel> burns = Dashboards.panels(orders).stream()
        .filter(p -> p.title().startsWith("Burn rate page-1h-5m"))
        .toList();

    // 2 % of a 28-day budget in 1h: 0.02 * 28 * 24 = 13.44.
    assertThat(burns).hasSize(2).allSatisfy(p -> {
      assertThat(thresholdValues(p.fieldConfig().defaults().thresholds())).hasSize(1);
      assertThat(thresholdValues(p.fieldConfig().defaults().thresholds()).get(0)).isCloseTo(13.44, offset(1e-9));
      assertThat(p.targets()).extracting(t -> t.legendFormat()).containsExactly("1h", "5m");
    });
  }

  @Test
  void build_calendarWindowAddsTheCurrentPeriodsThresholdFromTheWindowLength() {
    Dashboard shipments = withCollector.build(Mesh.SHIPMENTS, Map.of(Mesh.SHIPMENTS.id(), "x")).dashboard();
    Panel burn = Dashboards.panels(shipments).stream().filter(p -> p.title().startsWith("Burn rate page-12h-1h")).findFirst()
        .orElseThrow();

    assertThat(burn.targets()).hasSize(3);
    assertThat(burn.targets().get(2).expr()).startsWith("max by (slo) (" + CollectorMetric.SLO_WINDOW_SECONDS.prometheusName())
        .endsWith(" * 0.1 / 43200");
    // The drawn line is at the longest month (31 days and an hour): 0.1 * 745h / 12h.
    assertThat(thresholdValues(burn.fieldConfig().defaults().thresholds()).get(0))
        .isCloseTo(0.1 * 745 / 12, offset(1e-9));
  }

  @Test
  void build_volumeBandOnlyForAProductWithAVolumeSlo() {
    String band = CollectorMetric.SLO_VOLUME_BAND_ROWS.prometheusName();
    Dashboard orders = withCollector.build(Mesh.ORDERS, UIDS).dashboard();
    Dashboard shipments = withCollector.build(Mesh.SHIPMENTS, Map.of(Mesh.SHIPMENTS.id(), "x")).dashboard();

    assertThat(Dashboards.exprs(orders)).noneMatch(e -> e.contains(band));
    assertThat(Dashboards.panels(orders)).extracting(Panel::title).contains("Rows per run").doesNotContain("Rows per run against the band");
    Panel volume = Dashboards.panel(shipments, "Rows per run against the band");
    assertThat(volume.targets()).extracting(t -> t.expr()).anyMatch(e -> e.contains(band));
    assertThat(thresholdValues(volume.fieldConfig().defaults().thresholds())).containsExactly(5_000.0, 20_001.0);
  }

  @Test
  void build_freshnessThresholdDeclaredAsLineLearnedAsSeries() {
    String threshold = CollectorMetric.SLO_FRESHNESS_THRESHOLD_SECONDS.prometheusName();
    Panel orders = Dashboards.panel(withCollector.build(Mesh.ORDERS, UIDS).dashboard(), "Data age against its threshold");
    Panel shipments = Dashboards.panel(withCollector.build(Mesh.SHIPMENTS, Map.of(Mesh.SHIPMENTS.id(), "x")).dashboard(),
        "Data age against its threshold");
    Panel ledger = Dashboards.panel(withCollector.build(Mesh.LEDGER, UIDS).dashboard(), "Data age");

    assertThat(orders.fieldConfig().defaults().unit()).isEqualTo("s");
    assertThat(thresholdValues(orders.fieldConfig().defaults().thresholds())).containsExactly(3600.0);
    assertThat(orders.targets()).anyMatch(t -> t.expr().contains(threshold));
    assertThat(thresholdValues(shipments.fieldConfig().defaults().thresholds())).isEmpty();
    assertThat(shipments.targets()).anyMatch(t -> t.expr().contains(threshold) && t.legendFormat().contains("learned"));
    assertThat(ledger.targets()).noneMatch(t -> t.expr().contains(threshold));
  }

  @Test
  void build_productWithoutSlosHasSignalRowsOnly() {
    Dashboard fx = withCollector.build(Mesh.FX_RATES, Map.of(Mesh.FX_RATES.id(), "meshwatch-finance-fx-rates")).dashboard();

    assertThat(rows(fx)).containsExactly("Freshness", "Quality", "Volume", "Usage", "Runs");
    assertThat(Dashboards.exprs(fx)).noneMatch(e -> e.contains(CollectorMetric.SLO_SLI.prometheusName()));
  }

  @Test
  void build_runSuccessObjectiveOnTheRunsPanel() {
    Panel runs = Dashboards.panel(withCollector.build(Mesh.LEDGER, UIDS).dashboard(), "Run success ratio");

    assertThat(thresholdValues(runs.fieldConfig().defaults().thresholds())).containsExactly(0.95);
  }

  @Test
  void build_linksToDomainOverviewCollectorAndDescriptorLinks() {
    Dashboard orders = withCollector.build(Mesh.ORDERS, UIDS).dashboard();

    assertThat(orders.links()).extracting(DashboardLink::url).containsExactly(
        "/d/meshwatch-domain-sales?var-product=sales.orders",
        "/d/meshwatch-overview?var-domain=sales",
        "http://collector:8080/api/v1/products/sales.orders",
        "https://runbooks.example.com/sales/orders",
        "https://docs.example.com/orders",
        "https://grafana.example.com/d/sales-team");
    assertThat(orders.links().subList(2, 6)).allSatisfy(l -> assertThat(l.targetBlank()).isTrue());
  }

  @Test
  void build_noCollectorLinkWithoutItsAddressNorMissingDescriptorLinks() {
    Dashboard customers = withoutCollector.build(Mesh.CUSTOMERS, Map.of(Mesh.CUSTOMERS.id(), "x")).dashboard();

    assertThat(customers.links()).extracting(DashboardLink::url).containsExactly(
        "/d/meshwatch-domain-sales?var-product=sales.customers", "/d/meshwatch-overview?var-domain=sales");
  }

  @Test
  void build_aboutLinksUpstreamProductsOfTheMesh() {
    Panel about = Dashboards.panel(withCollector.build(Mesh.LEDGER, UIDS).dashboard(), "About");

    assertThat(about.options().toString()).contains("[sales.orders](/d/meshwatch-sales-orders)").contains("external.rates")
        .doesNotContain("[external.rates]");
  }

  @Test
  void build_annotatesTheProductsFiringAlerts() {
    Dashboard orders = withCollector.build(Mesh.ORDERS, UIDS).dashboard();

    assertThat(orders.annotations().list()).singleElement()
        .satisfies(a -> assertThat(a.target().expr()).isEqualTo("ALERTS{alertstate=\"firing\", product=\"sales.orders\"}"));
  }

  private static List<String> rows(Dashboard dashboard) {
    return dashboard.panels().stream().filter(Row.class::isInstance).map(PanelItem.class::cast)
        .map(r -> ((Row) r).title()).toList();
  }

  static List<Double> thresholdValues(Thresholds thresholds) {
    return thresholds.steps().stream().skip(1).map(Thresholds.Step::value).toList();
  }
}
