/**
 * A typed model of the Grafana dashboard JSON meshwatch generates (schema version
 * {@value io.meshwatch.dashboards.grafana.Dashboard#SCHEMA_VERSION}): small records that mirror the
 * JSON field for field and are serialised with Jackson by {@link io.meshwatch.dashboards.grafana.DashboardJson}.
 * A panel's type follows from its {@link io.meshwatch.dashboards.grafana.PanelOptions options}, so a
 * stat panel cannot carry time series options. The model covers what meshwatch's dashboards use, not
 * all of Grafana; its output is checked against Grafana's published types ({@code @grafana/schema}).
 */
@NullMarked
package io.meshwatch.dashboards.grafana;

import org.jspecify.annotations.NullMarked;
