package io.meshwatch.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.dashboards.DashboardGenerator;
import io.meshwatch.dashboards.DashboardOptions;
import io.meshwatch.dashboards.GeneratedDashboard;
import io.meshwatch.model.DataProduct;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance 2 of issue 5: every PromQL expression of every panel of every generated dashboard, as
 * Grafana would send it, returns data from a real Prometheus scraping the collector that runs the
 * demo mesh: no empty panel, no query error.
 */
@Tag("e2e")
@ExtendWith(DemoMeshExtension.class)
class DashboardQueriesE2ETest {

  /** Long enough for the demo's agents to export and Prometheus to scrape a few times; rate() needs two samples. */
  private static final Duration SETTLE = Duration.ofSeconds(120);

  /** Every dashboard meshwatch generates for the demo mesh, with links to a collector. */
  static List<GeneratedDashboard> dashboards(List<DataProduct> products) {
    return new DashboardGenerator(new DashboardOptions(DashboardOptions.DEFAULTS.datasource(),
        URI.create("http://127.0.0.1:8080"))).generate(products);
  }

  @Test
  void everyPanelQuery_returnsDataFromPrometheusScrapingTheDemoMesh(DemoMeshStack stack) {
    List<GeneratedDashboard> dashboards = dashboards(stack.products());
    List<PanelQueries.PanelQuery> queries = dashboards.stream()
        .flatMap(dashboard -> PanelQueries.of(dashboard.json()).stream())
        .toList();
    assertThat(queries).as("panel queries of %d dashboards", dashboards.size()).isNotEmpty();

    AtomicReference<QueryRound> last = new AtomicReference<>();
    try {
      await("every panel query returns data")
          .atMost(SETTLE)
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> {
            QueryRound round = QueryRound.run(stack.prometheus().api(), queries);
            last.set(round);
            if (round.hasBadQueries()) {
              // A query Prometheus refuses stays refused: fail now, with every problem of this round.
              throw new AssertionError("Prometheus refuses panel queries; " + round.report());
            }
            return round.allReturnData();
          });
    } catch (ConditionTimeoutException e) {
      QueryRound round = last.get();
      throw new AssertionError("after " + SETTLE.toSeconds() + "s, "
          + (round == null ? "no round of queries completed" : round.report()), e);
    }
    assertThat(last.get().size()).isEqualTo(queries.size());
  }
}
