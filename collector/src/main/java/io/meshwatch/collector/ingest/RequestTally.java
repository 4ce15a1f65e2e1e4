package io.meshwatch.collector.ingest;

import io.meshwatch.model.Signal;
import java.util.ArrayList;
import java.util.List;

/** Collects one request's signals, point counts and rejections; confined to the decoding thread. */
final class RequestTally {

  private final List<Signal> signals = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private long accepted;
  private long rejected;
  private long overOwnBudget;
  private long collectorFull;

  void accept(long points) {
    accepted += points;
  }

  void reject(RejectReason reason, String message, long points) {
    rejections.add(new Rejection(reason, message));
    rejected += points;
  }

  /** A point of a new cumulative series was refused: {@code collectorWide} when the collector as a whole is full. */
  void refuseSeries(boolean collectorWide, String message) {
    reject(RejectReason.TOO_MANY_SERIES, message, 1);
    if (collectorWide) {
      collectorFull++;
    } else {
      overOwnBudget++;
    }
  }

  /** Points counted as accepted turned out unusable once aggregated. */
  void retract(RejectReason reason, String message, long points) {
    accepted -= points;
    reject(reason, message, points);
  }

  void signal(Signal signal) {
    signals.add(signal);
  }

  DecodeResult result() {
    return result(DecodeResult.Advance.NONE);
  }

  /** The result of a request that advanced cumulative series, which {@code advance} takes back. */
  DecodeResult result(DecodeResult.Advance advance) {
    return new DecodeResult(signals, accepted, rejected, rejections, new DecodeResult.SeriesRefusals(overOwnBudget, collectorFull),
        advance);
  }
}
