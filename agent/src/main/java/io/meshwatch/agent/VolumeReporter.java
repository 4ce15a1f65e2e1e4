package io.meshwatch.agent;

import io.opentelemetry.api.metrics.LongHistogram;

/**
 * Reports the rows each run wrote, one measurement per run, as the histogram
 * {@link io.meshwatch.model.SignalContract#VOLUME_ROWS}; the collector judges rows per run
 * against the product's expected band.
 *
 * <pre>{@code
 * agent.volume().rowsWritten(batch.size());
 * }</pre>
 */
public final class VolumeReporter {

  // The instrument is this reporter's own field: every hop between the caller and the SDK call is a
  // dependent load on a ~20 ns path (docs/BENCHMARKS.md).
  private final LongHistogram volumeRows;
  private final Drops drops;

  VolumeReporter(Instruments instruments, Drops drops) {
    this.volumeRows = instruments.volumeRows;
    this.drops = drops;
  }

  /** A run wrote {@code rows} rows; a negative count is dropped and counted. */
  public void rowsWritten(long rows) {
    if (rows < 0) {
      drops.drop(Drops.Reason.NEGATIVE_COUNT, rows);
      return;
    }
    try {
      volumeRows.record(rows);
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }
}
