package io.meshwatch.dashboards.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of every dashboard parses as PromQL: each, with Grafana's variables replaced as Grafana
 * would ("All" and a one-minute rate interval), becomes a recording rule that {@code promtool check
 * rules} must accept. promtool comes from Debian's {@code prometheus} package; without it this fails.
 */
class MeshDashboardsPromtoolTest {
  @TempDir
  Path dir;

  @Test
  void generate_everyQueryIsValidPromql() throws Exception {
    List<Map<String, String>> rules = new ArrayList<>();
    for (GeneratedDashboard generated : new MeshDashboards(DashboardOptions.DEFAULTS).generate(Mesh.ALL)) {
      for (String query : Dashboards.everyQuery(generated.dashboard())) {
        if (!query.startsWith("label_values(")) {
          rules.add(Map.of("record", "dashboard_query_" + rules.size(), "expr", asGrafanaSendsIt(query)));
        }
      }
    }
    Path file = dir.resolve("queries.rules.yml");
    Files.writeString(file, new YAMLMapper().writeValueAsString(
        Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))), StandardCharsets.UTF_8);

    Process promtool = new ProcessBuilder(promtool(), "check", "rules", file.toString()).redirectErrorStream(true).start();
    assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(rules).hasSizeGreaterThan(50);
    assertThat(promtool.exitValue()).as(output).isZero();
  }

  static String asGrafanaSendsIt(String query) {
    return query.replace("$__rate_interval", "1m").replace("$domain", ".*").replace("$product", ".*").replace("$team", ".*");
  }

  private static String promtool() {
    String env = System.getenv("PROMTOOL");
    if (env != null && !env.isBlank()) {
      return env;
    }
    for (String path : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
      if (!path.isBlank() && Files.isExecutable(Path.of(path, "promtool"))) {
        return Path.of(path, "promtool").toString();
      }
    }
    throw new AssertionError("promtool not found: run scripts/install-peers.sh or apt-get install prometheus");
  }
}
