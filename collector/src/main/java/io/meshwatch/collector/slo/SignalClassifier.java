package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.Counts;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.Threshold;
import org.jspecify.annotations.Nullable;

/**
 * Turns a signal into the good and total events of one event-based SLO. Freshness is not here: it is
 * time-based and classified minute by minute at evaluation ({@link FreshnessMinutes}).
 */
final class SignalClassifier {

  private SignalClassifier() {}

  /** The events {@code signal} adds to {@code slo}, or {@code null} if it does not feed that SLO. */
  static @Nullable Counts classify(SloSpec slo, Signal signal) {
    SliKind kind = slo.kind();
    if (kind == SliKind.QUALITY && signal instanceof Signal.QualityOutcome quality) {
      return counts(quality.checksPassed(), quality.checksFailed());
    }
    if (kind == SliKind.AVAILABILITY && signal instanceof Signal.UsageReads reads) {
      return counts(reads.succeeded(), reads.failed());
    }
    if (kind == SliKind.RUN_SUCCESS && signal instanceof Signal.RunsCompleted runs) {
      return counts(runs.succeeded(), runs.failed());
    }
    if (kind == SliKind.VOLUME
        && signal instanceof Signal.VolumeWritten volume
        && slo.threshold() instanceof Threshold.RowBand band) {
      // One signal may aggregate several runs; its average rows per run judges all of them.
      return new Counts(band.contains(volume.rowsPerRun()) ? volume.runs() : 0, volume.runs());
    }
    return null;
  }

  private static Counts counts(long good, long bad) {
    return new Counts(good, Math.addExact(good, bad));
  }
}
