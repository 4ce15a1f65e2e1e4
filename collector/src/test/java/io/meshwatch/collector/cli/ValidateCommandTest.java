package io.meshwatch.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.collector.MeshwatchCollector;
import io.meshwatch.collector.StartupException;
import io.meshwatch.collector.config.CollectorConfig;
import java.time.InstantSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "examples", "descriptors");

  @TempDir Path dir;

  @Test
  void validate_examplesPassCleanly() {
    Cli cli = Cli.run("validate", EXAMPLES.toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("3 products, 0 errors, 0 warnings" + System.lineSeparator());
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void validate_errorsArePrintedOnePerLineAndExitWithOne() throws IOException {
    Path orders = write("orders.yaml", """
        id: sales.orders
        owner: sales-team
        version: 1.4
        slos:
          - {name: fresh, sli: freshness, threshold: 1h, objective: 120, window: 28d}
        """);
    Path raw = write("raw.yaml", "id: sales.raw\nowner: x\nversion: 1.0.0\nupstream: [sales.gone]\n");

    Cli cli = Cli.run("validate", orders.toString(), raw.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out().lines()).containsExactly(
        orders + ":3: version: must be a semantic version such as 1.4.0, got '1.4'",
        orders + ":5: slos[0].objective: must be a number above 0 and below 100, got 120",
        "warning: " + raw + ":4: upstream: sales.gone is not declared by any of the descriptors read",
        "1 product, 2 errors, 1 warning");
  }

  @Test
  void validate_thresholdAndWindowPastTheirBoundsAreErrors_andACollectorRefusesThemAtLoadWithTheSameMessage() throws IOException {
    Path orders = write("orders.yaml", """
        id: sales.orders
        owner: sales-team
        version: 1.0.0
        slos:
          - {name: fresh, sli: freshness, threshold: 999999999999999h, objective: 99, window: 28d}
          - {name: runs, sli: run_success, objective: 99, window: 999999999999999h}
        """);
    String threshold = orders + ":5: slos[0].threshold: must be a duration from 1ms to 366d, got 999999999999999h";
    String window = orders + ":6: slos[1].window: must be a duration from 5m to 366d, got 999999999999999h";

    Cli cli = Cli.run("validate", orders.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out().lines()).containsExactly(threshold, window, "0 products, 2 errors, 0 warnings");
    CollectorConfig config = CollectorConfig.defaults().withPort(0).withDataDir(dir.resolve("data")).withDescriptorsDir(dir);
    assertThatThrownBy(() -> MeshwatchCollector.start(config, InstantSource.system()).close())
        .isInstanceOf(StartupException.class)
        .hasMessageContaining(threshold)
        .hasMessageContaining(window);
  }

  @Test
  void validate_warningsAloneExitZeroUnlessStrict() throws IOException {
    Path raw = write("raw.yaml", "id: sales.raw\nowner: x\nversion: 1.0.0\nupstream: [sales.gone]\n");

    assertThat(Cli.run("validate", raw.toString()).exitCode()).isZero();
    Cli strict = Cli.run("validate", "--strict", raw.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out()).endsWith("1 product, 0 errors, 1 warning" + System.lineSeparator());
  }

  @Test
  void validate_descriptorsWithOpenSloFilesPassCleanly() {
    Cli cli = Cli.run("validate", EXAMPLES.toString(), EXAMPLES.resolveSibling("openslo").toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("3 products, 0 errors, 0 warnings" + System.lineSeparator());
  }

  @Test
  void validate_openSloThatMeshwatchCannotEvaluateIsAnError() throws IOException {
    Path slo = write("slo.yaml", """
        apiVersion: openslo/v1
        kind: SLO
        metadata: {name: up}
        spec:
          service: sales.orders
          indicator:
            metadata: {name: up}
            spec:
              thresholdMetric:
                metricSource: {type: prometheus, spec: {query: up}}
          timeWindow: [{duration: 28d, isRolling: true}]
          budgetingMethod: Occurrences
          objectives: [{op: lte, value: 1, target: 0.99}]
        """);

    Cli cli = Cli.run("validate", EXAMPLES.toString(), slo.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out().lines()).containsExactly(
        slo + ":10: spec.indicator.spec.thresholdMetric.metricSource.type: metricSource type 'prometheus' cannot be "
            + "evaluated by meshwatch; use type meshwatch with spec.sli one of freshness, quality, volume, availability, run_success",
        "3 products, 1 error, 0 warnings");
  }

  @Test
  void validate_missingFileIsAnError() {
    Cli cli = Cli.run("validate", dir.resolve("nope.yaml").toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out().lines()).containsExactly(dir.resolve("nope.yaml") + ": no such file or directory",
        "0 products, 1 error, 0 warnings");
  }

  @Test
  void validate_usageErrorsExitWithTwo() {
    Cli noFiles = Cli.run("validate");
    assertThat(noFiles.exitCode()).isEqualTo(2);
    assertThat(noFiles.err()).contains("Missing required parameter").contains("Usage: meshwatch validate");

    assertThat(Cli.run("validate", "--no-such-flag", "x.yaml").exitCode()).isEqualTo(2);
  }

  @Test
  void validate_helpDescribesOptionsAndGivesAnExample() {
    Cli cli = Cli.run("validate", "--help");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("Usage: meshwatch validate", "Check data product descriptors",
        "--strict", "(default: false)", "Example:", "meshwatch validate examples/descriptors/");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
