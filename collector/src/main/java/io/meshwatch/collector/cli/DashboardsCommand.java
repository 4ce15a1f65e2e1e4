package io.meshwatch.collector.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code meshwatch dashboards}: Grafana dashboards and Prometheus rules from the descriptors. */
@Command(
    name = "dashboards",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "Generate Grafana dashboards, Grafana provisioning files and Prometheus rules from the descriptors, "
        + "or upload the dashboards to Grafana.",
    subcommands = {DashboardsGenerateCommand.class, DashboardsPushCommand.class, HelpCommand.class},
    footer = {
      "",
      "Examples:",
      "  meshwatch dashboards generate --descriptors descriptors/ --out monitoring/",
      "  meshwatch dashboards push --descriptors descriptors/ \\",
      "      --grafana-url http://grafana:3000",
      "See docs/DASHBOARDS.md."})
final class DashboardsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a command: generate or push");
  }
}
