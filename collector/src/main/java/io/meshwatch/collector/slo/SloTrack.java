package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.SloSpec;

/**
 * One registered SLO of a product and where its counts live. For a freshness SLO it also remembers
 * up to which minute boundary time has been classified; that cursor is read and moved only under
 * its product's lock ({@link ProductTrack#lock()}).
 */
final class SloTrack {

  private final SloSpec spec;
  private final SliSeries series;
  private long accountedUntilMinute;

  SloTrack(SloSpec spec, SliSeries series, long accountedUntilMinute) {
    this.spec = spec;
    this.series = series;
    this.accountedUntilMinute = accountedUntilMinute;
  }

  /** The same SLO under a new spec of the same kind: history and freshness cursor carry over. */
  SloTrack respecified(SloSpec newSpec, SliSeries newSeries) {
    return new SloTrack(newSpec, newSeries, accountedUntilMinute);
  }

  SloSpec spec() {
    return spec;
  }

  SliSeries series() {
    return series;
  }

  /** The epoch minute up to whose start elapsed time has been classified. */
  long accountedUntilMinute() {
    return accountedUntilMinute;
  }

  void accountedUntilMinute(long minute) {
    accountedUntilMinute = minute;
  }
}
