package io.meshwatch.model;

import java.util.Locale;

/** Where an SLO stands at an evaluation. */
public enum SloState {
  /** Compliance over the window meets the objective. */
  HEALTHY,
  /** Compliance over the window is below the objective: the promise is broken. */
  BREACHING,
  /**
   * The SLI cannot be measured now (the agent is silent, or the window holds no events): the error
   * budget is frozen, and alerts neither fire nor resolve on it.
   */
  NO_DATA,
  /** Measured for less than the SLO's minimum history: too early to call it healthy or breaching. */
  INSUFFICIENT_HISTORY,
  /**
   * The collector failed to evaluate the SLO (a fault in its own code, met on this product's data;
   * logged and counted): nothing is known, so, as with {@link #NO_DATA}, the error budget is frozen
   * and alerts neither fire nor resolve on it. The product's other SLOs and every other product are
   * evaluated as usual.
   */
  ERROR;

  /**
   * Whether alerts may fire or resolve on an SLO in this state: not while nothing can be measured
   * ({@link #NO_DATA}) or the evaluation failed ({@link #ERROR}), since the numbers are then frozen.
   */
  public boolean judgeable() {
    return this != NO_DATA && this != ERROR;
  }

  /** The name used in APIs and metric labels, e.g. {@code no_data}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
