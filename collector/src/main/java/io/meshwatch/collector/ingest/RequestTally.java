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

  void accept(long points) {
    accepted += points;
  }

  void reject(RejectReason reason, String message, long points) {
    rejections.add(new Rejection(reason, message));
    rejected += points;
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
    return new DecodeResult(signals, accepted, rejected, rejections);
  }
}
