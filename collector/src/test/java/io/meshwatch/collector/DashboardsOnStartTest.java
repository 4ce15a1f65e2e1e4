package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.DashboardsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code dashboards.out} configured, the collector writes dashboards, provisioning and rules when it starts. */
class DashboardsOnStartTest {

  @TempDir Path dir;

  @Test
  void start_writesDashboardsProvisioningAndRulesForItsProducts() throws IOException {
    Path out = dir.resolve("generated");
    CollectorConfig config = config().withDashboards(
        new DashboardsConfig(out, DashboardsConfig.DEFAULT_PROMETHEUS_URL, null, null));

    try (MeshwatchCollector collector = MeshwatchCollector.start(config, InstantSource.system(),
        List.of(CollectorFixture.product(CollectorFixture.A)))) {
      assertThat(collector.catalog().size()).isEqualTo(1);
    }

    assertThat(out.resolve("dashboards/auth/meshwatch-auth-a.json")).content().contains("\"uid\" : \"meshwatch-auth-a\"");
    assertThat(out.resolve("dashboards/meshwatch/meshwatch-overview.json")).exists();
    assertThat(out.resolve("rules/meshwatch-auth.rules.yml")).content().contains("product: auth.a");
    assertThat(out.resolve("provisioning/datasources/meshwatch.yaml")).exists();
  }

  @Test
  void start_failsClearlyWhenTheDirectoryCannotBeWritten() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    CollectorConfig config = config().withDashboards(
        new DashboardsConfig(file, DashboardsConfig.DEFAULT_PROMETHEUS_URL, null, null));

    assertThatThrownBy(() -> MeshwatchCollector.start(config, InstantSource.system()))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("cannot write dashboards into " + file + " (dashboards.out)");
  }

  private CollectorConfig config() {
    return CollectorConfig.defaults().withPort(0).withDataDir(dir.resolve("data"));
  }
}
