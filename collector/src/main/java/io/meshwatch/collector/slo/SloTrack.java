package io.meshwatch.collector.slo;

import io.meshwatch.collector.baseline.VolumeLearner;
import io.meshwatch.collector.store.Counts;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import org.jspecify.annotations.Nullable;

/**
 * One registered SLO of a product and where its counts live. For a freshness SLO it also remembers
 * up to which minute boundary time has been classified; a volume SLO without a threshold has its
 * {@link VolumeLearner}. The cursor and the learner are read and moved only under the product's lock
 * ({@link ProductTrack#lock()}).
 */
final class SloTrack {

  private final SloSpec spec;
  private final SliSeries series;
  private final @Nullable VolumeLearner volume;
  // Derived from the series, never written to a snapshot: a cold cache gives the same numbers.
  private final TrendCache trend = new TrendCache();
  private long accountedUntilMinute;

  /** A track with a new learner where {@code spec} learns its volume band. */
  SloTrack(SloSpec spec, SliSeries series, long accountedUntilMinute) {
    this(spec, series, accountedUntilMinute, learnsVolume(spec) ? new VolumeLearner() : null);
  }

  SloTrack(SloSpec spec, SliSeries series, long accountedUntilMinute, @Nullable VolumeLearner volume) {
    this.spec = spec;
    this.series = series;
    this.accountedUntilMinute = accountedUntilMinute;
    this.volume = volume;
  }

  /**
   * The same SLO under a new spec of the same kind: history, freshness cursor and a learned volume
   * band carry over (a band starts anew when the SLO starts learning, and is dropped when it stops).
   */
  SloTrack respecified(SloSpec newSpec, SliSeries newSeries) {
    return new SloTrack(newSpec, newSeries, accountedUntilMinute, learnsVolume(newSpec) ? learnerFor(newSpec) : null);
  }

  private VolumeLearner learnerFor(SloSpec newSpec) {
    return volume != null ? volume : new VolumeLearner();
  }

  static boolean learnsVolume(SloSpec spec) {
    return spec.kind() == SliKind.VOLUME && spec.learnsThreshold();
  }

  TrendCache trend() {
    return trend;
  }

  SloSpec spec() {
    return spec;
  }

  SliSeries series() {
    return series;
  }

  /** The learned band of a volume SLO without threshold, {@code null} for any other SLO. */
  @Nullable VolumeLearner volume() {
    return volume;
  }

  /**
   * The runs of {@code written} judged against the band learned before them, then learned from; the
   * caller holds the product's lock. {@code null} (nothing counted) while the band is not ready or
   * for a signal of no runs.
   */
  @Nullable Counts judgeAndLearn(Signal.VolumeWritten written) {
    VolumeLearner learner = volume;
    if (learner == null || written.runs() == 0) {
      return null;
    }
    double rows = written.rowsPerRun();
    Counts counts = learner.band().ready()
        ? new Counts(learner.anomalous(rows) ? 0 : written.runs(), written.runs())
        : null;
    learner.observe(rows);
    return counts;
  }

  /** The epoch minute up to whose start elapsed time has been classified. */
  long accountedUntilMinute() {
    return accountedUntilMinute;
  }

  void accountedUntilMinute(long minute) {
    accountedUntilMinute = minute;
  }
}
