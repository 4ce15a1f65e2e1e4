package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.grafana.Dashboard;
import io.meshwatch.dashboards.grafana.Panel;
import io.meshwatch.dashboards.grafana.PanelItem;
import io.meshwatch.dashboards.grafana.Target;
import java.util.List;
import java.util.stream.Stream;

/** Reads generated dashboards in tests: their panels, queries and the dashboard of a uid. */
final class Dashboards {
  private Dashboards() {}

  static Dashboard byUid(List<GeneratedDashboard> generated, String uid) {
    return generated.stream().map(GeneratedDashboard::dashboard).filter(d -> d.uid().equals(uid)).findFirst()
        .orElseThrow(() -> new AssertionError("no dashboard " + uid));
  }

  static List<Panel> panels(Dashboard dashboard) {
    return dashboard.panels().stream().filter(Panel.class::isInstance).map(Panel.class::cast).toList();
  }

  static Panel panel(Dashboard dashboard, String title) {
    return panels(dashboard).stream().filter(p -> p.title().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no panel '" + title + "' on " + dashboard.uid()));
  }

  static List<String> exprs(Dashboard dashboard) {
    return panels(dashboard).stream().flatMap(p -> p.targets().stream()).map(Target::expr).toList();
  }

  /** Panel queries, annotation queries and variable queries: everything Prometheus is asked. */
  static List<String> everyQuery(Dashboard dashboard) {
    return Stream.of(exprs(dashboard).stream(),
        dashboard.annotations().list().stream().map(a -> a.target().expr()),
        dashboard.templating().list().stream().filter(v -> v.type().equals("query")).map(v -> v.query()))
        .flatMap(s -> s).toList();
  }

  static List<PanelItem> items(Dashboard dashboard) {
    return dashboard.panels();
  }
}
