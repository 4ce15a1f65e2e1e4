package io.meshwatch.model;

import java.util.Locale;

/** Where an SLO stands at an evaluation. */
public enum SloState {
  /** Compliance over the window meets the objective. */
  HEALTHY,
  /** Compliance over the window is below the objective: the promise is broken. */
  BREACHING,
  /** Nothing has been measured in the SLO window yet. */
  NO_DATA;

  /** The name used in APIs and metric labels, e.g. {@code no_data}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
