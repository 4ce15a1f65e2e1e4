package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.DashboardLink;
import io.meshwatch.dashboards.grafana.Thresholds;
import io.meshwatch.dashboards.grafana.Variable;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A domain's dashboard: its products' health as counts and a table, then over time each SLO's
 * compliance against its objective, budgets, burn and data age, for the products the {@code product}
 * variable picks (all by default).
 */
final class DomainDashboard {
  private final DashboardOptions options;

  DomainDashboard(DashboardOptions options) {
    this.options = options;
  }

  /** {@code products}: the domain's, sorted by id; {@code uids}: their dashboards' uids. */
  GeneratedDashboard build(String domain, List<DataProduct> products, Map<ProductId, String> uids) {
    Scope scope = Scope.domain(domain, Boards.PRODUCT_VARIABLE);
    List<String> byProduct = List.of(Labels.PRODUCT_LABEL);
    List<String> byProductSlo = List.of(Labels.PRODUCT_LABEL, Labels.SLO_LABEL);
    String product = "{{" + Labels.PRODUCT_LABEL + "}}";
    Layout layout = new Layout(options.datasource());
    layout.addAll(Health.counts(scope)).add(Health.table(scope, products.size()));
    layout.row("Over time");
    String margin = Promql.by("min", byProductSlo, Selector.of(CollectorMetric.SLO_COMPLIANCE).in(scope).toString()) + " - "
        + Promql.by("max", byProductSlo, Selector.of(CollectorMetric.SLO_OBJECTIVE).in(scope).toString());
    layout.add(Panels.timeSeries("Compliance against objective",
        "Each SLO's compliance over its window minus its objective: below 0 the SLO breaches.",
        Fields.series(Fields.RATIO, null, null, Thresholds.of(Fields.RED, 0, Fields.GREEN)),
        List.of(Query.range(margin, product + " {{" + Labels.SLO_LABEL + "}}"))));
    layout.add(Panels.timeSeries("Least error budget left", "Per product, the least error budget left over its SLOs.",
        Fields.series(Fields.RATIO, null, 1.0, Fields.budget()),
        List.of(Query.range(Health.budgetLeft(scope, byProduct), product))));
    layout.add(Panels.timeSeries("Worst burn rate (" + Health.WORST_BURN_WINDOW.label() + ")",
        "Per product, the fastest burn over its SLOs; 1 spends the budget exactly over the window.",
        Fields.series(Fields.COUNT, 0.0, null, Thresholds.of(Fields.GREEN, 1, Fields.ORANGE)),
        List.of(Query.range(Health.worstBurn(scope, byProduct), product))));
    layout.add(Panels.timeSeries("Data age", "Per product, the age of its newest data.",
        Fields.series(Fields.SECONDS, 0.0, null, Fields.plain()),
        List.of(Query.range(Promql.by("max", byProduct,
            Selector.of(CollectorMetric.PRODUCT_DATA_AGE_SECONDS).in(scope).toString()), product))));
    Variable productVariable = Variable.labelValues(Boards.PRODUCT_VARIABLE, "Product", options.datasource(),
        Selector.of(CollectorMetric.PRODUCT_AGENT_SILENT).eq(Labels.DOMAIN_LABEL, domain).toString(), Labels.PRODUCT_LABEL);
    Dashboard dashboard = new Dashboard(Uids.domain(domain), "meshwatch · domain " + domain,
        "The data products of the " + domain + " domain and their SLOs.",
        List.of(Boards.TAG, Boards.TAG + "-domain", domain), Boards.REFRESH, Boards.TIME, links(domain, products, uids),
        new Dashboard.Templating(List.of(productVariable)),
        new Dashboard.Annotations(AlertAnnotations.firing(options.datasource(), Selector.firingAlerts()
            .eq(Labels.DOMAIN_LABEL, domain).re(Labels.PRODUCT_LABEL, "$" + Boards.PRODUCT_VARIABLE))),
        layout.items());
    return new GeneratedDashboard(GeneratedDashboard.Folder.domain(domain), dashboard);
  }

  private static List<DashboardLink> links(String domain, List<DataProduct> products, Map<ProductId, String> uids) {
    List<DashboardLink> links = new ArrayList<>();
    links.add(Urls.internal("Mesh overview", Urls.dashboard(Uids.OVERVIEW, Boards.DOMAIN_VARIABLE, domain),
        "Every product of the mesh"));
    for (DataProduct product : products) {
      links.add(Urls.internal(product.id().toString(), Urls.dashboard(uids.get(product.id()), null, null),
          "The dashboard of " + product.id()));
    }
    return links;
  }
}
