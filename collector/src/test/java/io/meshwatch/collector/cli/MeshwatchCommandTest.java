package io.meshwatch.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.config.ConfigException;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MeshwatchCommandTest {

  @Test
  void help_listsTheCommandsWithExamples() {
    Cli cli = Cli.run("--help");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("Usage: meshwatch", "serve", "demo", "validate", "Examples:", "meshwatch demo");
  }

  @Test
  void version_fallsBackToDevOutsideAJar() {
    Cli cli = Cli.run("--version");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("meshwatch dev" + System.lineSeparator());
    assertThat(Cli.run("validate", "--version").out()).isEqualTo(cli.out());
  }

  @Test
  void version_comesFromTheManifestWhenThere() {
    assertThat(ManifestVersionProvider.version("0.3.1")).isEqualTo("0.3.1");
    assertThat(ManifestVersionProvider.version(null)).isEqualTo("dev");
    assertThat(ManifestVersionProvider.version("")).isEqualTo("dev");
  }

  @Test
  void help_footersFitEightyColumnsSoPicocliNeverWrapsThem() {
    CommandLine meshwatch = new CommandLine(new MeshwatchCommand());
    List<CommandLine> commands = new java.util.ArrayList<>(List.of(meshwatch));
    for (int i = 0; i < commands.size(); i++) {
      commands.addAll(commands.get(i).getSubcommands().values());
    }
    for (CommandLine command : commands) {
      assertThat(command.getCommandSpec().usageMessage().footer()).as(command.getCommandName())
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }
  }

  @Test
  void noCommandOrUnknownCommandIsAUsageError() {
    Cli none = Cli.run();
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("Missing a command: serve, demo, validate or dashboards", "Usage: meshwatch");

    assertThat(Cli.run("serv").exitCode()).isEqualTo(2);
  }

  @Test
  void serveAndDemoHelpShowTheServerOptionsDefaultsAndAnExample() {
    for (String command : List.of("serve", "demo")) {
      Cli cli = Cli.run(command, "--help");
      assertThat(cli.exitCode()).as(command).isZero();
      assertThat(cli.out()).as(command).contains("Usage: meshwatch " + command, "--config=FILE", "--port=N",
          "default: 8080", "--data-dir=DIR", "default: ./data", "--descriptors=DIR", "Example:");
    }
  }

  @Test
  void serve_withABrokenDescriptor_refusesToStartSayingWhere(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("orders.yaml"), "id: sales.orders\nowner: sales\nversion: one\n");
    CommandLine command = new CommandLine(new MeshwatchCommand())
        .setExecutionExceptionHandler(MeshwatchCommand::reportConfigProblems);

    Cli cli = Cli.run(command, "serve", "--port", "0", "--descriptors", dir.toString(),
        "--data-dir", dir.resolve("data").toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("cannot start", "orders.yaml:3: version");
  }

  @Test
  void reportConfigProblems_printsEveryProblemWithoutAStackTrace() {
    CommandLine command = new CommandLine(new FailingConfig())
        .setExecutionExceptionHandler(MeshwatchCommand::reportConfigProblems);

    Cli cli = Cli.run(command);

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("meshwatch failing: 2 configuration problems:\n"
        + "  m.yaml:3: server.port: bad\n  --port: worse" + System.lineSeparator());
  }

  @Command(name = "failing")
  static final class FailingConfig implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new ConfigException(List.of(DescriptorProblem.error("m.yaml", 3, "server.port", "bad"),
          DescriptorProblem.error("--port", 0, "", "worse")));
    }
  }
}
