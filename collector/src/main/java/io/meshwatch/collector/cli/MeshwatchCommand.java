package io.meshwatch.collector.cli;

import io.meshwatch.collector.StartupException;
import io.meshwatch.collector.config.ConfigException;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code meshwatch}: the command line of the suite and the main class of its jar.
 *
 * <pre>{@code
 * java -jar meshwatch.jar validate descriptors/
 * }</pre>
 */
@Command(
    name = "meshwatch",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "Observability and SLOs for a data mesh: run the collector, try the demo, check descriptors, "
        + "generate Grafana dashboards and Prometheus rules.",
    subcommands = {ServeCommand.class, DemoCommand.class, ValidateCommand.class, DashboardsCommand.class,
        HelpCommand.class},
    footer = {
      "",
      "Examples:",
      "  meshwatch demo                           a collector and a simulated mesh",
      "  meshwatch serve --config meshwatch.yaml  the collector, configured by a file",
      "  meshwatch validate descriptors/          check descriptors before deploying",
      "  meshwatch dashboards generate --demo --out out/   dashboards and rules",
      "  meshwatch help validate                  the help of one command"})
public final class MeshwatchCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error, with the list of commands. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a command: serve, demo, validate or dashboards");
  }

  public static void main(String[] args) {
    // The embedded agent and the OpenTelemetry SDK log through java.util.logging: route it to Logback.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(new CommandLine(new MeshwatchCommand())
        .setExecutionExceptionHandler(MeshwatchCommand::reportConfigProblems)
        .execute(args));
  }

  /** A bad config or a port in use is the user's to fix, not a crash: say why, without a stack trace. */
  static int reportConfigProblems(Exception e, CommandLine command, ParseResult parsed) throws Exception {
    if (e instanceof ConfigException config) {
      command.getErr().println("meshwatch " + command.getCommandName() + ": " + config.getMessage());
      command.getErr().flush();
      return 1;
    }
    if (e instanceof StartupException startup) {
      command.getErr().println("meshwatch " + command.getCommandName() + ": cannot start: " + startup.getMessage());
      command.getErr().flush();
      return 1;
    }
    throw e;
  }
}
