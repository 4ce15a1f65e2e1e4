package io.meshwatch.dashboards.push;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one dashboard: its uid and folder, the outcome, the HTTP status of the request
 * that decided it (0 when none was sent, e.g. its folder could not be created) and, for a failure,
 * Grafana's message.
 */
public record DashboardResult(String uid, String title, String folderUid, Outcome outcome, int status,
    @Nullable String message) {

  /** The outcome of uploading one dashboard. */
  public enum Outcome {
    /** Grafana had no dashboard with this uid. */
    CREATED,
    /** Grafana had it with other content (or in another folder) and saved the new one. */
    UPDATED,
    /** Grafana already had exactly this dashboard in this folder; nothing was saved. */
    UNCHANGED,
    /** Grafana refused it, or its folder could not be made; see the message. */
    FAILED
  }

  public boolean failed() {
    return outcome == Outcome.FAILED;
  }
}
