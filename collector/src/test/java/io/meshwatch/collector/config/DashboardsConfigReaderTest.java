package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.dashboards.MonitoringFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardsConfigReaderTest {

  private static final Path BASE = Path.of("/etc/meshwatch");

  @Test
  void read_fullSectionWithPathsRelativeToTheFile() {
    DashboardsConfig dashboards = read("""
        dashboards:
          out: ./generated
          prometheusUrl: http://prometheus:9090
          collectorUrl: https://meshwatch.example.com
          grafanaDashboardsPath: /var/lib/grafana/meshwatch
        """).dashboards();

    assertThat(dashboards).isEqualTo(new DashboardsConfig(BASE.resolve("generated"), URI.create("http://prometheus:9090"),
        URI.create("https://meshwatch.example.com"), "/var/lib/grafana/meshwatch"));
  }

  @Test
  void read_absentSectionWritesNothing() {
    assertThat(read("dataDir: ./data\n").dashboards()).isEqualTo(DashboardsConfig.NONE);
    assertThat(DashboardsConfig.NONE.out()).isNull();
  }

  @Test
  void read_reportsEveryProblem() {
    assertThatThrownBy(() -> read("""
        dashboards:
          prometheusUrl: prometheus:9090
          collectorUrl: "ftp://x"
          outt: ./x
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("dashboards.out")
        .hasMessageContaining("dashboards.prometheusUrl: must be an http or https URL with a host, got 'prometheus:9090'")
        .hasMessageContaining("dashboards.collectorUrl")
        .hasMessageContaining("outt");
  }

  @Test
  void options_ruleTimersFollowTheCollectorsAlerting() {
    DashboardsConfig dashboards = new DashboardsConfig(BASE, URI.create("http://p:9090"), URI.create("https://m"), null);
    AlertingConfig alerting = read("alerting: { pendingFor: 7m, keepFiringFor: 11m }\n").alerting();

    MonitoringFiles.Options options = dashboards.options(alerting);

    assertThat(options.rules().alertFor()).isEqualTo(Duration.ofMinutes(7));
    assertThat(options.rules().keepFiringFor()).isEqualTo(Duration.ofMinutes(11));
    assertThat(options.provisioning().prometheusUrl()).isEqualTo(URI.create("http://p:9090"));
    assertThat(options.dashboards().collectorUrl()).isEqualTo(URI.create("https://m"));
  }

  private static CollectorConfig read(String yaml) {
    return ConfigReader.read("c.yaml", yaml, BASE, Map.of());
  }
}
