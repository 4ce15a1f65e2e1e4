package io.meshwatch.collector.e2e;

import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.DataSourceRef;
import io.meshwatch.dashboards.grafana.FieldConfigSource;
import io.meshwatch.dashboards.grafana.FieldDefaults;
import io.meshwatch.dashboards.grafana.GraphStyle;
import io.meshwatch.dashboards.grafana.GridPos;
import io.meshwatch.dashboards.grafana.Panel;
import io.meshwatch.dashboards.grafana.PanelItem;
import io.meshwatch.dashboards.grafana.PanelOptions;
import io.meshwatch.dashboards.grafana.Row;
import io.meshwatch.dashboards.grafana.Target;
import io.meshwatch.dashboards.grafana.Thresholds;
import io.meshwatch.dashboards.grafana.Variable;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DataProduct;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the generated dashboards until {@code DashboardGenerator} lands: one dashboard with
 * a {@code domain} variable ("All" selected) and, per product, a row with its SLIs, burn rates and
 * error budget left, plus one panel using {@code $__rate_interval}. Built with the typed model and
 * written through {@link GeneratedDashboard#json()}, so the harness reads what the generator will write.
 */
final class SloOverviewDashboard {

  private static final DataSourceRef DATASOURCE = DashboardOptions.DEFAULTS.datasource();
  private static final int WIDTH = 8;
  private static final int HEIGHT = 6;

  private SloOverviewDashboard() {}

  static GeneratedDashboard of(List<DataProduct> products) {
    List<PanelItem> panels = new ArrayList<>();
    int id = 1;
    int y = 0;
    panels.add(new Row(id++, "Mesh", new GridPos(1, GridPos.COLUMNS, 0, y++)));
    panels.add(panel(id++, "Signals ingested per second", 0, y, "sum by (transport) (rate("
        + CollectorMetric.INGEST_SIGNALS.prometheusName() + "[$__rate_interval]))", "{{transport}}", "short"));
    y += HEIGHT;
    for (DataProduct product : products) {
      String selector = "{" + Labels.PRODUCT_LABEL + "=\"" + product.id() + "\", " + Labels.DOMAIN_LABEL + "=~\"$domain\"}";
      panels.add(new Row(id++, product.id().toString(), new GridPos(1, GridPos.COLUMNS, 0, y++)));
      panels.add(panel(id++, product.id() + " SLI", 0, y,
          CollectorMetric.SLO_SLI.prometheusName() + selector, "{{slo}}", "percentunit"));
      panels.add(panel(id++, product.id() + " burn rate", WIDTH, y,
          "max by (" + Labels.WINDOW_LABEL + ") (" + CollectorMetric.SLO_BURN_RATE.prometheusName() + selector + ")",
          "{{window}}", "short"));
      panels.add(panel(id++, product.id() + " error budget left", 2 * WIDTH, y,
          CollectorMetric.SLO_ERROR_BUDGET_REMAINING.prometheusName() + selector, "{{slo}}", "percentunit"));
      y += HEIGHT;
    }
    Variable domain = Variable.labelValues(Labels.DOMAIN_LABEL, "Domain", DATASOURCE,
        CollectorMetric.SLO_BREACHING.prometheusName(), Labels.DOMAIN_LABEL);
    Dashboard dashboard = new Dashboard("meshwatch-e2e-slos", "meshwatch e2e: SLOs of every product",
        "Stand-in for the generated dashboards in the end-to-end test.", List.of("meshwatch", "e2e"), "30s",
        new Dashboard.TimeRange("now-6h", "now"), List.of(), new Dashboard.Templating(List.of(domain)),
        new Dashboard.Annotations(List.of()), panels);
    return new GeneratedDashboard(GeneratedDashboard.Folder.MESHWATCH, dashboard);
  }

  private static Panel panel(int id, String title, int x, int y, String expr, String legend, String unit) {
    FieldDefaults defaults = new FieldDefaults(unit, null, null, null, FieldDefaults.FieldColor.PALETTE,
        Thresholds.of("green"), null, List.of(), GraphStyle.LINES);
    return new Panel(id, title, null, new GridPos(HEIGHT, WIDTH, x, y), DATASOURCE,
        List.of(Target.range("A", DATASOURCE, expr, legend)), FieldConfigSource.of(defaults),
        PanelOptions.TimeSeries.DEFAULT, List.of());
  }
}
