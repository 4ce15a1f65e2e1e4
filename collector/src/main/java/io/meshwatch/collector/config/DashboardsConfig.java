package io.meshwatch.collector.config;

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
 */
public record DashboardsConfig(@Nullable Path out, URI prometheusUrl, @Nullable URI collectorUrl) {

  /** Prometheus on localhost:9090, as it runs by default. */
  public static final URI DEFAULT_PROMETHEUS_URL = URI.create("http://localhost:9090");

  /** Nothing is written. */
  public static final DashboardsConfig NONE = new DashboardsConfig(null, DEFAULT_PROMETHEUS_URL, null);

  public DashboardsConfig {
    if (prometheusUrl == null) {
      throw new IllegalArgumentException("dashboards.prometheusUrl is required");
    }
  }
}
