package io.meshwatch.collector.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a set of panel queries against Prometheus, each run as Grafana runs it (a range query
 * for a time series panel, else an instant query): per query, how many series came back,
 * whether every value was NaN (Grafana shows such a panel empty), or the error Prometheus answered.
 */
final class QueryRound {

  /** What one query gave. */
  record Outcome(PanelQueries.PanelQuery query, int series, boolean onlyNaN, @Nullable PrometheusException error) {

    boolean hasData() {
      return error == null && series > 0 && !onlyNaN;
    }

    String problem() {
      if (error != null) {
        return "query error (HTTP " + error.httpStatus() + ", " + error.errorType() + "): " + error.error();
      }
      return series == 0 ? "no series" : "only NaN in " + series + " series";
    }
  }

  /**
   * The time range of a time series panel's range query: the last 10 minutes, which holds all a test's
   * data (Grafana's default is the dashboard's 6 hours), at a 15s step.
   */
  private static final Duration RANGE = Duration.ofMinutes(10);
  private static final Duration STEP = Duration.ofSeconds(15);

  private final List<Outcome> outcomes;

  private QueryRound(List<Outcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
  }

  /** Runs every query once; Prometheus being away or busy is an outcome too, retried by the next round. */
  static QueryRound run(PrometheusApi prometheus, List<PanelQueries.PanelQuery> queries) {
    List<Outcome> outcomes = new ArrayList<>();
    for (PanelQueries.PanelQuery query : queries) {
      try {
        List<PrometheusApi.Series> series = query.range()
            ? prometheus.queryRange(query.expr(), RANGE, STEP)
            : prometheus.query(query.expr());
        boolean onlyNaN = !series.isEmpty() && series.stream().allMatch(s -> Double.isNaN(s.value()));
        outcomes.add(new Outcome(query, series.size(), onlyNaN, null));
      } catch (PrometheusException e) {
        outcomes.add(new Outcome(query, 0, false, e));
      }
    }
    return new QueryRound(outcomes);
  }

  boolean allReturnData() {
    return outcomes.stream().allMatch(Outcome::hasData);
  }

  /** Whether some query is wrong in itself (Prometheus refused it): waiting cannot fix that. */
  boolean hasBadQueries() {
    return outcomes.stream().anyMatch(o -> o.error() != null && o.error().badQuery());
  }

  /** Every query without data, one per line with dashboard, panel and the interpolated expression, or "" if none. */
  String report() {
    // Refused queries first: they are what a round ends on.
    List<Outcome> failing = outcomes.stream()
        .filter(o -> !o.hasData())
        .sorted(Comparator.comparing((Outcome o) -> o.error() == null))
        .toList();
    if (failing.isEmpty()) {
      return "";
    }
    return failing.size() + " of " + outcomes.size() + " panel queries show no data:\n" + failing.stream()
        .map(o -> "  - " + o.query().dashboardUid() + " / \"" + o.query().panelTitle() + "\" / " + o.query().refId()
            + ": " + o.problem() + "\n      " + o.query().expr().replace("\n", "\n      "))
        .collect(Collectors.joining("\n"));
  }

  int size() {
    return outcomes.size();
  }
}
