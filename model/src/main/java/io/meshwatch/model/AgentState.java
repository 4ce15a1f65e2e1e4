package io.meshwatch.model;

import java.util.Locale;

/**
 * Whether a product's agent is talking to the collector. Kept apart from freshness on purpose: a
 * silent agent means "we can't tell", stale data means "the pipeline is not delivering".
 */
public enum AgentState {
  /** Nothing was ever received for the product. */
  NEVER_SEEN,
  /** A heartbeat or signal arrived within the silence timeout. */
  REPORTING,
  /** The agent was seen once but has been silent for longer than the silence timeout. */
  SILENT;

  /** The name used in APIs and metric labels, e.g. {@code never_seen}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
