package io.meshwatch.dashboards.provisioning;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code provisioning/datasources/*.yaml}: the data sources Grafana creates (or updates) on start. */
@JsonPropertyOrder({"apiVersion", "datasources"})
record DatasourcesFile(int apiVersion, List<Datasource> datasources) {

  DatasourcesFile {
    datasources = List.copyOf(datasources);
  }

  /**
   * One data source. {@code access: proxy} makes Grafana's server query it, so the browser needs no
   * route to Prometheus; {@code editable: false} because regenerating would undo a UI edit anyway.
   */
  @JsonPropertyOrder({"name", "type", "uid", "access", "orgId", "url", "isDefault", "editable", "jsonData"})
  record Datasource(String name, String type, String uid, String access, int orgId, String url, boolean isDefault,
      boolean editable, PrometheusJsonData jsonData) {}

  /** Prometheus settings: POST queries, so that long PromQL stays out of URLs and access logs. */
  record PrometheusJsonData(String httpMethod) {}
}
