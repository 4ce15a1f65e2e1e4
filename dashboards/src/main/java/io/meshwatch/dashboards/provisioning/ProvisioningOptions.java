package io.meshwatch.dashboards.provisioning;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the provisioning files point at: the Prometheus that Grafana queries and the directory in
 * which Grafana itself finds the dashboards. That directory is often not where they were generated
 * (a container mounts them elsewhere), so it may be given; when it is null the generated directory's
 * absolute path is written.
 */
public record ProvisioningOptions(URI prometheusUrl, @Nullable String grafanaDashboardsPath) {

  /** Prometheus on its default local port. */
  public static final URI DEFAULT_PROMETHEUS_URL = URI.create("http://localhost:9090");

  /** Prometheus at {@link #DEFAULT_PROMETHEUS_URL}, dashboards read where they are generated. */
  public static final ProvisioningOptions DEFAULTS = new ProvisioningOptions(DEFAULT_PROMETHEUS_URL, null);

  public ProvisioningOptions {
    List<String> problems = new ArrayList<>();
    if (prometheusUrl == null) {
      problems.add("prometheusUrl is missing");
    } else if (!"http".equals(prometheusUrl.getScheme()) && !"https".equals(prometheusUrl.getScheme())
        || prometheusUrl.getHost() == null) {
      problems.add("prometheusUrl must be an http(s) URL with a host, got " + prometheusUrl);
    }
    if (grafanaDashboardsPath != null && grafanaDashboardsPath.isBlank()) {
      problems.add("grafanaDashboardsPath must not be blank (leave it out to use the generated directory)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid provisioning options: " + String.join("; ", problems));
    }
  }
}
