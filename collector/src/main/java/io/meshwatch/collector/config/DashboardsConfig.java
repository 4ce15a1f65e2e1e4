package io.meshwatch.collector.config;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.MonitoringFiles;
import io.meshwatch.dashboards.grafana.DataSourceRef;
import io.meshwatch.dashboards.provisioning.ProvisioningOptions;
import io.meshwatch.dashboards.rules.RulesOptions;
import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Whether and where the collector writes Grafana dashboards, provisioning files and Prometheus rules
 * for its products when it starts (the {@code dashboards} section of the config file).
 *
 * @param out the directory to write into, or {@code null} to write nothing
 * @param prometheusUrl the Prometheus the provisioned Grafana data source points at
 * @param collectorUrl this collector's address as Grafana users reach it, for links to product pages;
 *     {@code null} for no such links
 * @param grafanaDashboardsPath where Grafana sees {@code out/dashboards} when not at the same path (a
 *     container, another host), or {@code null}
 */
public record DashboardsConfig(
    @Nullable Path out, URI prometheusUrl, @Nullable URI collectorUrl, @Nullable String grafanaDashboardsPath) {

  /** Prometheus on localhost:9090, as it runs by default. */
  public static final URI DEFAULT_PROMETHEUS_URL = URI.create("http://localhost:9090");

  /** Nothing is written. */
  public static final DashboardsConfig NONE = new DashboardsConfig(null, DEFAULT_PROMETHEUS_URL, null, null);

  public DashboardsConfig {
    if (prometheusUrl == null) {
      throw new IllegalArgumentException("dashboards.prometheusUrl is required");
    }
  }

  /** These settings with each non-null argument in place of its own, e.g. command-line flags over the file. */
  public DashboardsConfig overriddenBy(@Nullable Path out, @Nullable URI prometheusUrl, @Nullable URI collectorUrl,
      @Nullable String grafanaDashboardsPath) {
    return new DashboardsConfig(out != null ? out : this.out,
        prometheusUrl != null ? prometheusUrl : this.prometheusUrl,
        collectorUrl != null ? collectorUrl : this.collectorUrl,
        grafanaDashboardsPath != null ? grafanaDashboardsPath : this.grafanaDashboardsPath);
  }

  /** Dashboards that query the provisioned data source and link to the collector, if known. */
  public DashboardOptions dashboardOptions() {
    return new DashboardOptions(DataSourceRef.prometheus(DashboardOptions.PROVISIONED_DATASOURCE_UID), collectorUrl);
  }

  /**
   * How to generate: the provisioned data source, these links and Prometheus, and rules whose
   * {@code for} and {@code keep_firing_for} are the collector's own alerting timers, so that
   * Prometheus alerts when the collector does.
   */
  public MonitoringFiles.Options options(AlertingConfig alerting) {
    return new MonitoringFiles.Options(dashboardOptions(),
        new ProvisioningOptions(prometheusUrl, grafanaDashboardsPath),
        new RulesOptions(RulesOptions.DEFAULTS.evaluationInterval(), alerting.pendingFor(), alerting.keepFiringFor()));
  }
}
