package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.DashboardLink;
import io.meshwatch.dashboards.grafana.Panel;
import io.meshwatch.dashboards.grafana.Variable;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.ProductId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainDashboardTest {
  private final GeneratedDashboard sales = new DomainDashboard(DashboardOptions.DEFAULTS).build("sales",
      List.of(Mesh.CUSTOMERS, Mesh.ORDERS), Map.of(
          Mesh.CUSTOMERS.id(), Uids.product(Mesh.CUSTOMERS.id()), Mesh.ORDERS.id(), Uids.product(Mesh.ORDERS.id())));

  @Test
  void build_inTheDomainsFolderWithAStableUid() {
    assertThat(sales.folder()).isEqualTo(GeneratedDashboard.Folder.domain("sales"));
    assertThat(sales.dashboard().uid()).isEqualTo("meshwatch-domain-sales");
  }

  @Test
  void build_productVariableOverTheDomainsProducts() {
    Variable product = sales.dashboard().templating().list().get(0);

    assertThat(product.name()).isEqualTo("product");
    assertThat(product.multi()).isTrue();
    assertThat(product.allValue()).isEqualTo(".*");
    assertThat(product.query()).isEqualTo(
        "label_values(" + CollectorMetric.PRODUCT_AGENT_SILENT.prometheusName() + "{domain=\"sales\"}, product)");
  }

  @Test
  void build_everyQueryIsScopedToTheDomainAndTheProductVariable() {
    assertThat(Dashboards.exprs(sales.dashboard())).allSatisfy(e -> assertThat(e)
        .contains("domain=\"sales\", product=~\"$product\"")
        .doesNotContain("domain=~"));
  }

  @Test
  void build_tableOfProductsWithStatusMapping() {
    Panel table = Dashboards.panel(sales.dashboard(), "Product health");

    assertThat(table.type()).isEqualTo("table");
    assertThat(table.targets()).hasSize(5).allSatisfy(t -> assertThat(t.format()).isEqualTo("table"));
    assertThat(table.transformations()).extracting(t -> t.id()).containsExactly("merge", "organize");
    assertThat(table.fieldConfig().overrides().get(0).properties()).anySatisfy(p -> assertThat(p.id()).isEqualTo("mappings"));
  }

  @Test
  void build_linksToTheOverviewAndEachProduct() {
    Dashboard dashboard = sales.dashboard();

    assertThat(dashboard.links()).extracting(DashboardLink::url).containsExactly(
        "/d/meshwatch-overview?var-domain=sales", "/d/meshwatch-sales-customers", "/d/meshwatch-sales-orders");
    assertThat(dashboard.links()).allSatisfy(l -> assertThat(l.keepTime()).isTrue());
  }

  @Test
  void build_uidOfAProductIsTheOneItsDashboardHas() {
    assertThat(Uids.product(ProductId.parse("sales.orders")))
        .isEqualTo(new ProductDashboard(DashboardOptions.DEFAULTS)
            .build(Mesh.ORDERS, Map.of(Mesh.ORDERS.id(), Uids.product(Mesh.ORDERS.id()))).dashboard().uid());
  }
}
