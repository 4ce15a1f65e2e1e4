package io.meshwatch.collector.ingest;

/**
 * A data point's numbers: a histogram's {@code count} and {@code value} (its sum), or a sum's or
 * gauge's {@code value} with {@code count} 0. Cumulative or delta depending on where it is.
 */
record Reading(long count, double value) {

  static Reading of(double value) {
    return new Reading(0, value);
  }

  /** A cumulative series went down: the reporter restarted or reset it. */
  boolean dropsBelow(Reading previous) {
    return count < previous.count || value < previous.value;
  }

  Reading minus(Reading previous) {
    return new Reading(count - previous.count, value - previous.value);
  }

  boolean isZero() {
    return count == 0 && value == 0;
  }
}
