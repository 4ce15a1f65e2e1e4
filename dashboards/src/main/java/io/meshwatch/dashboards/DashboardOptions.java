package io.meshwatch.dashboards;

import io.meshwatch.dashboards.grafana.DataSourceRef;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What generated dashboards point at: the Prometheus data source their queries use (the provisioned
 * one unless told otherwise) and, where known, the collector whose product pages they link to.
 */
public record DashboardOptions(DataSourceRef datasource, @Nullable URI collectorUrl) {

  /** The data source uid the provisioning files declare. */
  public static final String PROVISIONED_DATASOURCE_UID = "meshwatch-prometheus";

  /** The provisioned Prometheus data source, no collector links. */
  public static final DashboardOptions DEFAULTS =
      new DashboardOptions(DataSourceRef.prometheus(PROVISIONED_DATASOURCE_UID), null);
}
