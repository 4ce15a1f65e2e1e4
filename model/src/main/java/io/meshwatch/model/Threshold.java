package io.meshwatch.model;

import java.time.Duration;

/** The threshold an SLI needs to tell a good event from a bad one (see {@link SliKind#takesThreshold()}). */
public sealed interface Threshold {

  /** Data is fresh while its age is at most {@code maxAge}. */
  record MaxAge(Duration maxAge) implements Threshold {
    public MaxAge {
      if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("max age must be positive, got " + maxAge);
      }
    }
  }

  /** A run's volume is good while its rows written are within {@code [minRows, maxRows]}. */
  record RowBand(long minRows, long maxRows) implements Threshold {
    public RowBand {
      if (minRows < 0 || maxRows < minRows) {
        throw new IllegalArgumentException(
            "row band needs 0 <= min <= max, got [" + minRows + ", " + maxRows + "]");
      }
    }

    /** Whether {@code rows} lies in the band. */
    public boolean contains(double rows) {
      return rows >= minRows && rows <= maxRows;
    }
  }
}
