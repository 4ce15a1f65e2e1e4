package io.meshwatch.dashboards;

import io.meshwatch.dashboards.grafana.AnnotationQuery;
import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.DashboardLink;
import io.meshwatch.dashboards.grafana.DataSourceRef;
import io.meshwatch.dashboards.grafana.FieldConfigSource;
import io.meshwatch.dashboards.grafana.FieldDefaults;
import io.meshwatch.dashboards.grafana.FieldOverride;
import io.meshwatch.dashboards.grafana.GraphStyle;
import io.meshwatch.dashboards.grafana.GridPos;
import io.meshwatch.dashboards.grafana.Panel;
import io.meshwatch.dashboards.grafana.PanelItem;
import io.meshwatch.dashboards.grafana.PanelOptions;
import io.meshwatch.dashboards.grafana.Row;
import io.meshwatch.dashboards.grafana.Target;
import io.meshwatch.dashboards.grafana.Thresholds;
import io.meshwatch.dashboards.grafana.ValueMapping;
import io.meshwatch.dashboards.grafana.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dashboards for tests of what consumes dashboards (tree writer, push, type check): {@link #everyKind}
 * uses every record and option kind of the grafana model, so that a check of its JSON covers the model.
 */
public final class SampleDashboards {
  private static final DataSourceRef DS = DashboardOptions.DEFAULTS.datasource();

  private SampleDashboards() {}

  /** A dashboard of {@code domain}'s folder with uid {@code uid}, using every model kind. */
  public static GeneratedDashboard everyKind(String domain, String uid) {
    return everyKind(domain, uid, "Every kind " + uid);
  }

  /** The same with another title, i.e. a changed dashboard. */
  public static GeneratedDashboard everyKind(String domain, String uid, String title) {
    return new GeneratedDashboard(GeneratedDashboard.Folder.domain(domain), dashboard(uid, title));
  }

  /** A small dashboard in meshwatch's own folder. */
  public static GeneratedDashboard overview(String title) {
    Panel text = panel(1, "About", new GridPos(3, 24, 0, 0), List.of(), none(),
        PanelOptions.Text.markdown("# " + title));
    Dashboard dashboard = new Dashboard("meshwatch-overview", title, "the mesh", List.of("meshwatch"), "1m",
        new Dashboard.TimeRange("now-6h", "now"), List.of(), new Dashboard.Templating(List.of()),
        new Dashboard.Annotations(List.of()), List.of(text));
    return new GeneratedDashboard(GeneratedDashboard.Folder.MESHWATCH, dashboard);
  }

  static Dashboard dashboard(String uid, String title) {
    List<PanelItem> panels = new ArrayList<>();
    panels.add(new Row(1, "SLOs", new GridPos(1, 24, 0, 0)));
    panels.add(timeSeries(2, new GridPos(8, 12, 0, 1)));
    panels.add(panel(3, "Status", new GridPos(4, 6, 12, 1), List.of(instant("A", "max(up)")),
        withMappings(), PanelOptions.Stat.DEFAULT));
    panels.add(panel(4, "Budget left", new GridPos(4, 6, 18, 1), List.of(instant("A", "min(up)")),
        percent(), PanelOptions.Gauge.DEFAULT));
    panels.add(panel(5, "Burn rates", new GridPos(4, 12, 12, 5), List.of(instant("A", "max by (job) (up)")),
        percent(), PanelOptions.BarGauge.DEFAULT));
    panels.add(panel(6, "Products", new GridPos(8, 24, 0, 9), List.of(Target.table("A", DS, "max by (job) (up)")),
        none(), new PanelOptions.Table(true, List.of(new PanelOptions.SortBy("Value", true)))));
    panels.add(panel(7, "Notes", new GridPos(3, 24, 0, 17), List.of(), none(),
        PanelOptions.Text.markdown("**generated** by meshwatch")));
    List<DashboardLink> links = List.of(
        DashboardLink.tagged("meshwatch", List.of("meshwatch")),
        DashboardLink.to("Catalog", "http://localhost:8080/products/sales.orders", "the product page", false, true));
    List<Variable> variables = List.of(
        Variable.labelValues("domain", "Domain", DS, "up", "job"),
        Variable.constant("product", "sales.orders"));
    AnnotationQuery alerts = new AnnotationQuery("Alerts", DS, true, false, "red",
        Target.range("Anno", DS, "ALERTS{alertstate=\"firing\"}", "{{alertname}}"));
    return new Dashboard(uid, title, "every kind of the model", List.of("meshwatch", "test"), "1m",
        new Dashboard.TimeRange("now-24h", "now"), links, new Dashboard.Templating(variables),
        new Dashboard.Annotations(List.of(alerts)), panels);
  }

  private static Panel timeSeries(int id, GridPos pos) {
    FieldDefaults defaults = new FieldDefaults("percentunit", 0.9, 1.0, 3, FieldDefaults.FieldColor.PALETTE,
        Thresholds.of("red", 0.99, "green"), "no data", List.of(), GraphStyle.LINES_WITH_THRESHOLDS);
    List<FieldOverride> overrides = List.of(new FieldOverride(FieldOverride.Matcher.byName("objective"),
        List.of(new FieldOverride.Property("custom.lineStyle", Map.of("fill", "dash", "dash", List.of(10, 10))),
            new FieldOverride.Property("color", Map.of("mode", "fixed", "fixedColor", "green")))));
    Panel bars = new Panel(id, "SLI against objective", "the SLI over time", pos, DS,
        List.of(Target.range("A", DS, "avg(up)", "sli"), Target.range("B", DS, "vector(0.99)", "objective")),
        new FieldConfigSource(defaults, overrides), PanelOptions.TimeSeries.DEFAULT,
        List.of(DashboardLink.to("Product", "/d/meshwatch-sales-orders?${__url_time_range}", "", true, false)));
    return bars;
  }

  private static Panel panel(int id, String title, GridPos pos, List<Target> targets, FieldDefaults defaults,
      PanelOptions options) {
    return new Panel(id, title, null, pos, DS, targets, FieldConfigSource.of(defaults), options, List.of());
  }

  private static Target instant(String ref, String expr) {
    return Target.instant(ref, DS, expr, "{{job}}");
  }

  private static FieldDefaults none() {
    return new FieldDefaults("short", null, null, null, FieldDefaults.FieldColor.THRESHOLDS,
        Thresholds.of("green"), null, List.of(), null);
  }

  private static FieldDefaults percent() {
    return new FieldDefaults("percentunit", 0.0, 1.0, 1, FieldDefaults.FieldColor.THRESHOLDS,
        Thresholds.of("red", 0.25, "orange", 0.5, "green"), null, List.of(), null);
  }

  private static FieldDefaults withMappings() {
    return new FieldDefaults("none", null, null, 0, FieldDefaults.FieldColor.THRESHOLDS,
        Thresholds.of("green", 1, "red"), "unknown",
        List.of(ValueMapping.values(Map.of("0", new ValueMapping.Result("ok", "green", 0),
            "1", new ValueMapping.Result("breaching", "red", 1)))), null);
  }
}
