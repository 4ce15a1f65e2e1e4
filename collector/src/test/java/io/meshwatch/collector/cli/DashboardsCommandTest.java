package io.meshwatch.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DashboardsCommandTest {

  @TempDir Path dir;

  @Test
  void generate_demoMeshWritesDashboardsProvisioningAndRules() throws IOException {
    Path out = dir.resolve("monitoring");

    Cli cli = Cli.run("dashboards", "generate", "--demo", "--out", out.toString(),
        "--prometheus-url", "http://prometheus:9090", "--collector-url", "https://meshwatch.example.com");

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    // 1 overview + 4 domains + 22 products; one rule file per domain; a data source and a provider
    assertThat(files(out.resolve("dashboards"), ".json")).hasSize(27);
    assertThat(out.resolve("dashboards/meshwatch/meshwatch-overview.json")).exists();
    assertThat(out.resolve("dashboards/sales/meshwatch-sales-orders.json")).content()
        .contains("\"uid\" : \"meshwatch-sales-orders\"", "https://meshwatch.example.com/api/v1/products/sales.orders");
    assertThat(files(out.resolve("rules"), ".rules.yml")).hasSize(4);
    assertThat(out.resolve("provisioning/datasources/meshwatch.yaml")).content().contains("http://prometheus:9090");
    assertThat(out.resolve("provisioning/dashboards/meshwatch.yaml")).content()
        .contains(out.resolve("dashboards").toAbsolutePath().toString());
    assertThat(cli.out()).contains("27");
  }

  @Test
  void generate_againLeavesTheFilesAsTheyWere() throws IOException {
    Path out = dir.resolve("monitoring");
    assertThat(Cli.run("dashboards", "generate", "--demo", "--out", out.toString()).exitCode()).isZero();
    Path overview = out.resolve("dashboards/meshwatch/meshwatch-overview.json");
    String before = Files.readString(overview);
    var modified = Files.getLastModifiedTime(overview);

    Cli again = Cli.run("dashboards", "generate", "--demo", "--out", out.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(Files.readString(overview)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(overview)).isEqualTo(modified);
  }

  @Test
  void generate_fromDescriptorsTakesTheRulesTimersFromTheConfig() throws IOException {
    Path descriptors = Files.createDirectories(dir.resolve("descriptors"));
    Files.writeString(descriptors.resolve("orders.yaml"), """
        id: sales.orders
        owner: sales-team
        version: 1.0.0
        slos:
          - { name: fresh, sli: freshness, threshold: 1h, objective: 99.5, window: 28d }
        """);
    Path config = dir.resolve("meshwatch.yaml");
    Files.writeString(config, """
        descriptors: ./descriptors
        alerting: { pendingFor: 7m, keepFiringFor: 11m }
        dashboards: { out: ./generated }
        """);

    Cli cli = Cli.run("dashboards", "generate", "--config", config.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(dir.resolve("generated/dashboards/sales/meshwatch-sales-orders.json")).exists();
    assertThat(dir.resolve("generated/rules/meshwatch-sales.rules.yml")).content()
        .contains("for: 7m", "keep_firing_for: 11m");
  }

  @Test
  void generate_invalidDescriptorIsReportedAndNothingWritten() throws IOException {
    Path descriptor = dir.resolve("broken.yaml");
    Files.writeString(descriptor, "id: sales.orders\nowner: sales-team\nslos: [ { name: x, sli: freshness, objective: 120 } ]\n");
    Path out = dir.resolve("out");

    Cli cli = Cli.run("dashboards", "generate", "--descriptors", descriptor.toString(), "--out", out.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("broken.yaml", "objective");
    assertThat(out).doesNotExist();
  }

  @Test
  void generate_withoutOutOrSourceIsAUsageError() {
    Cli noOut = Cli.run("dashboards", "generate", "--demo");
    assertThat(noOut.exitCode()).isEqualTo(2);
    assertThat(noOut.err()).contains("Missing --out");

    Cli noSource = Cli.run("dashboards", "generate", "--out", dir.toString());
    assertThat(noSource.exitCode()).isEqualTo(2);
    assertThat(noSource.err()).contains("--descriptors", "--config", "--demo");

    Cli twoSources = Cli.run("dashboards", "generate", "--demo", "--descriptors", dir.toString(), "--out", dir.toString());
    assertThat(twoSources.exitCode()).isEqualTo(2);
  }

  @Test
  void push_withoutTokenIsAUsageError() {
    CommandLine command = new CommandLine(new MeshwatchCommand())
        .setDefaultValueProvider(option -> null); // no GRAFANA_TOKEN, whatever the environment holds

    Cli cli = Cli.run(command, "dashboards", "push", "--demo", "--grafana-url", "http://127.0.0.1:1");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("Missing --token (or GRAFANA_TOKEN)");
  }

  @Test
  void push_unreachableGrafanaNamesTheUrl() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;

    Cli cli = Cli.run("dashboards", "push", "--demo", "--grafana-url", url, "--token", "t0ken");

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("meshwatch dashboards push:", url);
  }

  @Test
  void help_explainsTheLayoutAndTheSources() {
    Cli cli = Cli.run("dashboards", "generate", "--help");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("--descriptors", "--config", "--demo", "--out", "rules/meshwatch-<domain>.rules.yml");
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    }
  }
}
