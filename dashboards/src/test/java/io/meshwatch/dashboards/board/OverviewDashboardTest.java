package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.grafana.DashboardLink;
import io.meshwatch.dashboards.grafana.Panel;
import io.meshwatch.dashboards.grafana.Variable;
import io.meshwatch.model.CollectorMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverviewDashboardTest {
  private final GeneratedDashboard overview = new OverviewDashboard(DashboardOptions.DEFAULTS)
      .build(Sorting.products(Mesh.ALL), List.of("finance", "logistics", "sales"));

  @Test
  void build_inMeshwatchsFolder() {
    assertThat(overview.folder()).isEqualTo(GeneratedDashboard.Folder.MESHWATCH);
    assertThat(overview.dashboard().uid()).isEqualTo("meshwatch-overview");
  }

  @Test
  void build_domainAndOwnerTeamVariables() {
    assertThat(overview.dashboard().templating().list()).extracting(Variable::name).containsExactly("domain", "team");
  }

  @Test
  void build_countsOfWhatIsWrong() {
    assertThat(Dashboards.panels(overview.dashboard())).filteredOn(p -> p.type().equals("stat")).extracting(Panel::title)
        .containsExactly("SLOs breaching", "SLOs without data", "Silent agents", "Alerting conditions", "Products",
            "Descriptor problems");
    assertThat(Dashboards.panel(overview.dashboard(), "Descriptor problems").targets().get(0).expr())
        .isEqualTo("sum(" + CollectorMetric.DESCRIPTOR_PROBLEMS.prometheusName() + ") or vector(0)");
  }

  @Test
  void build_productQueriesFollowBothFilters() {
    assertThat(Dashboards.exprs(overview.dashboard()))
        .filteredOn(e -> !e.contains(CollectorMetric.DESCRIPTOR_PROBLEMS.prometheusName()))
        .allSatisfy(e -> assertThat(e).contains("domain=~\"$domain\", product=~\"$team\""));
  }

  @Test
  void build_alertingConditionsAreBurnAlertsPlusBreaching() {
    Panel table = Dashboards.panel(overview.dashboard(), "Product health");

    assertThat(table.targets().get(3).expr()).isEqualTo(
        "sum by (product, domain) (" + CollectorMetric.SLO_BURN_ALERT.prometheusName() + "{domain=~\"$domain\", product=~\"$team\"})"
            + " + sum by (product, domain) (" + CollectorMetric.SLO_BREACHING.prometheusName()
            + "{domain=~\"$domain\", product=~\"$team\"})");
  }

  @Test
  void build_linksToEveryDomain() {
    assertThat(overview.dashboard().links()).extracting(DashboardLink::url).containsExactly(
        "/d/meshwatch-domain-finance", "/d/meshwatch-domain-logistics", "/d/meshwatch-domain-sales");
  }
}
