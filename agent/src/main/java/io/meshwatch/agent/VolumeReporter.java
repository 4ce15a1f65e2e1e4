package io.meshwatch.agent;

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

  private final Instruments instruments;
  private final Drops drops;

  VolumeReporter(Instruments instruments, Drops drops) {
    this.instruments = instruments;
    this.drops = drops;
  }

  /** A run wrote {@code rows} rows; a negative count is dropped and counted. */
  public void rowsWritten(long rows) {
    if (rows < 0) {
      drops.drop(Drops.Reason.NEGATIVE_COUNT, rows);
      return;
    }
    try {
      instruments.volumeRows.record(rows);
    } catch (RuntimeException e) {
      drops.unexpected(e);
    }
  }
}
