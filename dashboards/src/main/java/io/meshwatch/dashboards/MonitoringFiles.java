package io.meshwatch.dashboards;

import io.meshwatch.dashboards.provisioning.ProvisioningOptions;
import io.meshwatch.dashboards.rules.PrometheusRulesGenerator;
import io.meshwatch.dashboards.rules.RulesOptions;
import io.meshwatch.model.DataProduct;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything generated from the descriptors, written in one go: dashboards, provisioning files and
 * Prometheus rules, laid out by {@link GeneratedTree}. The command line and the collector's start both
 * come through here.
 */
public final class MonitoringFiles {

  private MonitoringFiles() {}

  /** How dashboards, provisioning and rules are generated. */
  public record Options(DashboardOptions dashboards, ProvisioningOptions provisioning, RulesOptions rules) {}

  /** Generates everything for {@code products} into {@code outDir}; see {@link GeneratedTree#write}. */
  public static GeneratedTree.Summary write(Path outDir, List<DataProduct> products, Options options) throws IOException {
    return GeneratedTree.write(outDir, new DashboardGenerator(options.dashboards()).generate(products),
        new PrometheusRulesGenerator(options.rules()).generate(products), options.provisioning());
  }
}
