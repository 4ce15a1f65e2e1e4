package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.DashboardLink;
import io.meshwatch.dashboards.grafana.Variable;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DataProduct;
import java.util.ArrayList;
import java.util.List;

/**
 * The mesh overview: counts of what is wrong, every product's health in a table, and per domain the
 * SLOs breaching and the least budget left over time; filtered by domain and owner team.
 */
final class OverviewDashboard {
  private final DashboardOptions options;

  OverviewDashboard(DashboardOptions options) {
    this.options = options;
  }

  /** {@code products}: the whole mesh, sorted by id; {@code domains}: its domains, sorted. */
  GeneratedDashboard build(List<DataProduct> products, List<String> domains) {
    Scope scope = Scope.mesh(Boards.DOMAIN_VARIABLE, Boards.TEAM_VARIABLE);
    List<String> byDomain = List.of(Labels.DOMAIN_LABEL);
    String domain = "{{" + Labels.DOMAIN_LABEL + "}}";
    Layout layout = new Layout(options.datasource());
    for (PanelSpec count : Health.counts(scope)) {
      layout.add(count.sized(4, Panels.STAT_HEIGHT));
    }
    layout.add(Panels.stat("Products", "Products reporting to the collector.",
        Fields.value(Fields.COUNT, 0.0, null, Fields.plain(), List.of()),
        Query.instant(Promql.by("count", List.of(), Selector.of(CollectorMetric.PRODUCT_AGENT_SILENT).in(scope).toString()), ""))
        .sized(4, Panels.STAT_HEIGHT));
    // Problems are counted over the whole mesh (the metric has no product label); absent means none.
    layout.add(Panels.stat("Descriptor problems", "Problems found when the descriptors were last loaded (whole mesh).",
        Fields.value(Fields.COUNT, 0.0, null, Fields.problems(), List.of()),
        Query.instant(Promql.by("sum", List.of(), Selector.of(CollectorMetric.DESCRIPTOR_PROBLEMS).toString()) + " or vector(0)", ""))
        .sized(4, Panels.STAT_HEIGHT));
    layout.add(Health.table(scope, products.size()));
    layout.row("By domain");
    layout.add(Panels.timeSeries("SLOs breaching", "Per domain, the SLOs whose compliance is below the objective.",
        Fields.series(Fields.COUNT, 0.0, null, Fields.problems()),
        List.of(Query.range(Promql.by("sum", byDomain, Selector.of(CollectorMetric.SLO_BREACHING).in(scope).toString()), domain))));
    layout.add(Panels.timeSeries("Least error budget left", "Per domain, the least error budget left over its SLOs.",
        Fields.series(Fields.RATIO, null, 1.0, Fields.budget()),
        List.of(Query.range(Health.budgetLeft(scope, byDomain), domain))));
    Variable domainVariable = Variable.labelValues(Boards.DOMAIN_VARIABLE, "Domain", options.datasource(),
        CollectorMetric.PRODUCT_AGENT_SILENT.prometheusName(), Labels.DOMAIN_LABEL);
    Dashboard dashboard = new Dashboard(Uids.OVERVIEW, "meshwatch · mesh overview",
        "Every data product of the mesh: SLO status, error budgets, burn rates, alerting conditions and silent agents.",
        List.of(Boards.TAG, Boards.TAG + "-overview"), Boards.REFRESH, Boards.TIME, links(domains),
        new Dashboard.Templating(List.of(domainVariable, OwnerTeams.variable(products))),
        new Dashboard.Annotations(AlertAnnotations.firing(options.datasource(), Selector.firingAlerts()
            .re(Labels.DOMAIN_LABEL, "$" + Boards.DOMAIN_VARIABLE).re(Labels.PRODUCT_LABEL, "$" + Boards.TEAM_VARIABLE))),
        layout.items());
    return new GeneratedDashboard(GeneratedDashboard.Folder.MESHWATCH, dashboard);
  }

  private static List<DashboardLink> links(List<String> domains) {
    List<DashboardLink> links = new ArrayList<>();
    for (String domain : domains) {
      links.add(Urls.internal("Domain " + domain, Urls.dashboard(Uids.domain(domain), null, null),
          "The dashboard of the " + domain + " domain"));
    }
    return links;
  }
}
