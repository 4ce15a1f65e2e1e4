package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.DashboardLink;
import io.meshwatch.dashboards.grafana.Thresholds;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A product's dashboard: its state at a glance, a row per SLO (by name), then a row per signal.
 * Queries name the product outright (no variable), so each one can be run as it is written.
 */
final class ProductDashboard {
  private final DashboardOptions options;

  ProductDashboard(DashboardOptions options) {
    this.options = options;
  }

  /** {@code uids} holds the dashboard uid of every product of the mesh, for links to upstream products. */
  GeneratedDashboard build(DataProduct product, Map<ProductId, String> uids) {
    Scope scope = Scope.product(product.id().toString());
    List<SloSpec> slos = Sorting.slos(product);
    Layout layout = new Layout(options.datasource());
    layout.add(Panels.text("About", About.markdown(product, uids), 24, 5));
    layout.addAll(summary(product, scope, slos));
    for (SloSpec slo : slos) {
      Section section = SloPanels.section(scope, slo);
      layout.row(section.title()).addAll(section.panels());
    }
    for (Section section : SignalPanels.sections(product, scope)) {
      layout.row(section.title()).addAll(section.panels());
    }
    Dashboard dashboard = new Dashboard(uids.get(product.id()), "meshwatch · " + product.id(),
        product.description().isEmpty() ? "Data product " + product.id() + ", owned by " + product.ownerTeam()
            : product.description(),
        List.of(Boards.TAG, Boards.TAG + "-product", product.domain()), Boards.REFRESH, Boards.TIME, links(product),
        new Dashboard.Templating(List.of()),
        new Dashboard.Annotations(AlertAnnotations.firing(options.datasource(),
            Selector.firingAlerts().eq(Labels.PRODUCT_LABEL, product.id().toString()))),
        layout.items());
    return new GeneratedDashboard(GeneratedDashboard.Folder.domain(product.domain()), dashboard);
  }

  private static List<PanelSpec> summary(DataProduct product, Scope scope, List<SloSpec> slos) {
    List<PanelSpec> panels = new ArrayList<>();
    List<String> bySlo = List.of(Labels.SLO_LABEL);
    String slo = "{{" + Labels.SLO_LABEL + "}}";
    if (!slos.isEmpty()) {
      panels.add(Panels.stat("SLO status", "Breaching: compliance below the objective; no data: cannot be measured now.",
          Fields.value(Fields.COUNT, null, null, Fields.sloStatusColours(), List.of(Fields.sloStatus())),
          Query.instant(Health.status(scope, bySlo), slo)).sized(8, Panels.STAT_HEIGHT));
      panels.add(Panels.stat("Error budget left", "Share of each SLO's error budget not yet spent.",
          Fields.value(Fields.RATIO, null, 1.0, Fields.budget(), List.of()),
          Query.instant(Health.budgetLeft(scope, bySlo), slo)).sized(8, Panels.STAT_HEIGHT));
    }
    panels.add(Panels.stat("Agent", "Whether the product's agent has been silent past the timeout.",
        Fields.value(Fields.COUNT, null, null, Fields.problems(), List.of(Fields.agent())),
        Query.instant(Health.agentSilent(scope, List.of()), "")).sized(4, Panels.STAT_HEIGHT));
    List<Double> maxAges = slos.stream()
        .filter(s -> s.kind() == SliKind.FRESHNESS && s.threshold() instanceof Threshold.MaxAge)
        .map(s -> ((Threshold.MaxAge) s.threshold()).maxAge().toMillis() / 1000.0)
        .toList();
    Thresholds ageThresholds = Fields.limits(maxAges);
    panels.add(Panels.stat("Data age", "Age of the product's newest data.",
        Fields.value(Fields.SECONDS, 0.0, null, ageThresholds, List.of()),
        Query.instant(Promql.by("max", List.of(), Selector.of(CollectorMetric.PRODUCT_DATA_AGE_SECONDS).in(scope).toString()), ""))
        .sized(4, Panels.STAT_HEIGHT));
    return panels;
  }

  private List<DashboardLink> links(DataProduct product) {
    List<DashboardLink> links = new ArrayList<>();
    links.add(Urls.internal("Domain " + product.domain(),
        Urls.dashboard(Uids.domain(product.domain()), Boards.PRODUCT_VARIABLE, product.id().toString()),
        "The dashboard of the " + product.domain() + " domain"));
    links.add(Urls.internal("Mesh overview", Urls.dashboard(Uids.OVERVIEW, Boards.DOMAIN_VARIABLE, product.domain()),
        "Every product of the mesh"));
    String page = Urls.collectorProduct(options.collectorUrl(), product);
    if (page != null) {
      links.add(DashboardLink.to("Collector", page, "The product's status on the meshwatch collector", false, true));
    }
    links.addAll(Urls.descriptorLinks(product));
    return links;
  }
}
