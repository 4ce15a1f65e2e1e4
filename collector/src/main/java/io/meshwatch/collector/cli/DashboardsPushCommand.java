package io.meshwatch.collector.cli;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.DashboardsConfig;
import io.meshwatch.dashboards.DashboardGenerator;
import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.dashboards.push.GrafanaPush;
import io.meshwatch.dashboards.push.GrafanaPushException;
import io.meshwatch.dashboards.push.PushReport;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshwatch dashboards push}: uploads the generated dashboards through Grafana's HTTP API. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = {
      "Upload the dashboards generated from the descriptors to Grafana.",
      "",
      "Generates the dashboards from the descriptors and uploads them to Grafana (9 or later) through its HTTP",
      "API: one folder per domain, each dashboard saved by its uid, so pushing again updates in place and",
      "dashboards Grafana already holds unchanged are left alone."},
    footer = {
      "",
      "The token: a Grafana service account token with the Editor role.",
      "Exit status: 0 when every dashboard is in Grafana, 1 when any failed,",
      "2 on a usage error.",
      "",
      "Example:",
      "  export GRAFANA_TOKEN=glsa_...",
      "  meshwatch dashboards push --descriptors descriptors/ \\",
      "      --grafana-url http://grafana:3000"})
final class DashboardsPushCommand implements Callable<Integer> {

  @Mixin DescriptorSource source;

  @Option(names = "--grafana-url", paramLabel = "URL", required = true, description = "Grafana's base URL")
  URI grafanaUrl;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:GRAFANA_TOKEN}",
      description = "Grafana token; default: the GRAFANA_TOKEN environment variable (keeps it out of shell history)")
  @Nullable String token;

  @Option(names = "--collector-url", paramLabel = "URL",
      description = "the collector as Grafana's users reach it, for links to product pages; default: no links")
  @Nullable URI collectorUrl;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (token == null || token.isBlank()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing --token (or GRAFANA_TOKEN)");
    }
    CollectorConfig config = source.config();
    DashboardsConfig settings = config == null ? DashboardsConfig.NONE : config.dashboards();
    DashboardOptions options = settings.overriddenBy(null, null, collectorUrl, null).dashboardOptions();
    List<GeneratedDashboard> dashboards = new DashboardGenerator(options).generate(source.products());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      PushReport report = new GrafanaPush(grafanaUrl, token).push(dashboards);
      out.println(report.describe());
      out.flush();
      return report.ok() ? 0 : 1;
    } catch (GrafanaPushException e) {
      err.println("meshwatch dashboards push: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
