package io.meshwatch.dashboards.board;

/**
 * Label values the collector writes that {@code CollectorMetric} documents but does not name as
 * constants (see docs/CONTRACT.md): outcomes of checks, reads and runs, and Prometheus' alert state.
 * Spelled here once; a query never selects a value alone where its series may not exist.
 */
final class LabelValues {
  private LabelValues() {}

  /** {@code outcome} of a passed quality check. */
  static final String PASSED = "passed";
  /** {@code outcome} of a succeeded read, {@code status} of a succeeded run. */
  static final String SUCCEEDED = "succeeded";
  /** {@code outcome} of a failed read. */
  static final String FAILED = "failed";
  /** {@code alertstate} of a firing alert on {@code ALERTS}. */
  static final String FIRING = "firing";
}
