package io.meshwatch.collector.cli;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.DashboardsConfig;
import io.meshwatch.dashboards.GeneratedTree;
import io.meshwatch.dashboards.MonitoringFiles;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshwatch dashboards generate}: writes dashboards, provisioning and rules into a directory. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = {
      "Write dashboards, Grafana provisioning and Prometheus rules for the descriptors into a directory.",
      "",
      "Writes, from the descriptors, a mesh overview and a dashboard per domain and per product (Grafana JSON),",
      "Grafana provisioning files for them and their Prometheus data source, and Prometheus recording and",
      "alerting rules (one file per domain). Generating again updates the files in place: dashboards keep",
      "their uids, unchanged files are not touched, and those of removed products are deleted."},
    footer = {
      "",
      "Layout of --out:",
      "  dashboards/<domain>/<uid>.json, dashboards/meshwatch/meshwatch-overview.json",
      "  provisioning/datasources/meshwatch.yaml",
      "  provisioning/dashboards/meshwatch.yaml",
      "  rules/meshwatch-<domain>.rules.yml",
      "Point Grafana's GF_PATHS_PROVISIONING at provisioning/ and Prometheus's",
      "rule_files at rules/*.rules.yml.",
      "",
      "Example:",
      "  meshwatch dashboards generate --descriptors descriptors/ --out monitoring/ \\",
      "      --prometheus-url http://prometheus:9090 \\",
      "      --collector-url https://meshwatch.example.com"})
final class DashboardsGenerateCommand implements Callable<Integer> {

  @Mixin DescriptorSource source;

  @Option(names = "--out", paramLabel = "DIR",
      description = "directory to write into; default: the config's dashboards.out")
  @Nullable Path out;

  @Option(names = "--prometheus-url", paramLabel = "URL",
      description = "the Prometheus the provisioned data source points at; default: http://localhost:9090")
  @Nullable URI prometheusUrl;

  @Option(names = "--collector-url", paramLabel = "URL",
      description = "the collector as Grafana's users reach it, for links to product pages; default: no links")
  @Nullable URI collectorUrl;

  @Option(names = "--grafana-dashboards-path", paramLabel = "PATH",
      description = "where Grafana sees --out/dashboards, if not at the same path (e.g. in a container)")
  @Nullable String grafanaDashboardsPath;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DashboardsConfig settings = settings();
    if (settings.out() == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Missing --out (or a dashboards.out in the --config file)");
    }
    CollectorConfig config = source.config();
    AlertingConfig alerting = config == null ? AlertingConfig.defaults() : config.alerting();
    GeneratedTree.Summary summary = MonitoringFiles.write(settings.out(), source.products(), settings.options(alerting));
    PrintWriter out = spec.commandLine().getOut();
    out.println(summary.describe());
    out.flush();
    return 0;
  }

  private DashboardsConfig settings() {
    CollectorConfig config = source.config();
    DashboardsConfig base = config == null ? DashboardsConfig.NONE : config.dashboards();
    return base.overriddenBy(out, prometheusUrl, collectorUrl, grafanaDashboardsPath);
  }
}
