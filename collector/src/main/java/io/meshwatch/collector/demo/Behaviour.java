package io.meshwatch.collector.demo;

/** How a simulated product's pipeline behaves. */
public enum Behaviour {
  /** Updates on time, passes its checks, writes its usual volume. */
  HEALTHY,
  /** Keeps running and reporting, but its data stopped moving hours ago. */
  STALE,
  /** A quarter of its quality checks fail. */
  QUALITY_FAILING,
  /** Writes 40 % of its usual rows: below its volume band. */
  VOLUME_DROP,
  /** Half of its runs fail. */
  RUNS_FAILING,
  /** Reports for a minute, then its agent goes quiet. */
  SILENT
}
