package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.AnnotationQuery;
import io.meshwatch.dashboards.grafana.DataSourceRef;
import io.meshwatch.dashboards.grafana.Target;
import io.meshwatch.model.CollectorMetric.Labels;
import java.util.List;

/**
 * Marks on every time series panel while Prometheus fires one of the generated rules' alerts
 * ({@code ALERTS}, labelled with product, domain and SLO as {@code dashboards.rules} labels them).
 * An annotation query may find nothing (no alert, or no rules loaded): that is not an empty panel.
 */
final class AlertAnnotations {
  private AlertAnnotations() {}

  static List<AnnotationQuery> firing(DataSourceRef datasource, Selector alerts) {
    String legend = "{{" + Selector.ALERT_NAME + "}} {{" + Labels.PRODUCT_LABEL + "}} {{" + Labels.SLO_LABEL + "}}";
    return List.of(new AnnotationQuery("Firing alerts", datasource, true, false, "red",
        Target.range("Alerts", datasource, alerts.toString(), legend)));
  }
}
