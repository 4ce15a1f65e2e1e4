package io.meshwatch.dashboards.push;

import java.util.List;

/** The result of a push: Grafana's version, the folders created and one result per dashboard, in input order. */
public record PushReport(String grafanaVersion, List<String> foldersCreated, List<DashboardResult> results) {

  public PushReport {
    foldersCreated = List.copyOf(foldersCreated);
    results = List.copyOf(results);
  }

  public long count(DashboardResult.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** Whether every dashboard is in Grafana as generated. */
  public boolean ok() {
    return results.stream().noneMatch(DashboardResult::failed);
  }

  /** A summary line, then one line per failed dashboard with Grafana's message. */
  public String describe() {
    StringBuilder text = new StringBuilder("Grafana " + grafanaVersion + ": " + count(DashboardResult.Outcome.CREATED)
        + " created, " + count(DashboardResult.Outcome.UPDATED) + " updated, "
        + count(DashboardResult.Outcome.UNCHANGED) + " unchanged, " + count(DashboardResult.Outcome.FAILED)
        + " failed; " + foldersCreated.size() + " folders created");
    for (DashboardResult result : results) {
      if (result.failed()) {
        text.append("\n  ").append(result.uid()).append(" (").append(result.title()).append("): ")
            .append(result.status() == 0 ? "" : "HTTP " + result.status() + ": ").append(result.message());
      }
    }
    return text.toString();
  }
}
