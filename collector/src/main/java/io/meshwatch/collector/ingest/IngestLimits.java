package io.meshwatch.collector.ingest;

import io.meshwatch.collector.store.SliSeries;
import java.time.Duration;

/**
 * Bounds that keep one bad or hostile reporter from hurting everyone else.
 *
 * @param maxClockSkew how far in the future a point's or event's time may be before it is rejected
 * @param maxSeries how many cumulative OTLP series the collector tracks in all to turn them into deltas
 *     ({@code limits.seriesTotal}); each product and token is held to its {@link SeriesBudgets} first
 * @param seriesIdleTimeout after how long without a point a cumulative series is forgotten
 * @param maxEventsPerRequest how many JSON events one request may carry
 * @param maxLateness how far in the past a point's or event's time may be before it is rejected as too
 *     late (a freshness data time is a value, not a point time, and may be as old as it is)
 */
public record IngestLimits(
    Duration maxClockSkew, int maxSeries, Duration seriesIdleTimeout, int maxEventsPerRequest, Duration maxLateness) {

  /** Late data within an hour lands in its minute bucket; an agent never needs more: its cumulative
   * sums are re-sent with the time of the next export. */
  public static final Duration DEFAULT_MAX_LATENESS = Duration.ofHours(1);
  /** Less than every SLI series keeps at 5-minute resolution by one bucket, so nothing accepted is dropped. */
  public static final Duration MAX_LATENESS = SliSeries.FINE_SPAN.minusMinutes(5);

  /** A clock a day ahead is broken, not skewed; the bound also keeps time arithmetic far from overflow. */
  /** The most a reported time may lie ahead of the collector's clock. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

  public IngestLimits {
    if (maxClockSkew == null || maxClockSkew.isNegative() || maxClockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("maxClockSkew must be between 0 and " + MAX_CLOCK_SKEW + ", got " + maxClockSkew);
    }
    if (maxSeries < 1) {
      throw new IllegalArgumentException("maxSeries must be at least 1, got " + maxSeries);
    }
    if (seriesIdleTimeout == null || seriesIdleTimeout.isNegative() || seriesIdleTimeout.isZero()) {
      throw new IllegalArgumentException("seriesIdleTimeout must be positive, got " + seriesIdleTimeout);
    }
    if (maxEventsPerRequest < 1) {
      throw new IllegalArgumentException("maxEventsPerRequest must be at least 1, got " + maxEventsPerRequest);
    }
    if (maxLateness == null || maxLateness.isNegative() || maxLateness.isZero()
        || maxLateness.compareTo(MAX_LATENESS) > 0) {
      // Beyond what every SLI series keeps, late data could not land in its bucket.
      throw new IllegalArgumentException("lateness must be above 0 and at most " + MAX_LATENESS + ", got " + maxLateness);
    }
  }

  /** The limits with the default {@link #DEFAULT_MAX_LATENESS}. */
  public IngestLimits(Duration maxClockSkew, int maxSeries, Duration seriesIdleTimeout, int maxEventsPerRequest) {
    this(maxClockSkew, maxSeries, seriesIdleTimeout, maxEventsPerRequest, DEFAULT_MAX_LATENESS);
  }

  /**
   * 5 minutes of clock skew, 1 000 000 series (about 230 MB of heap; a hundred products at their whole
   * budget) idle for at most an hour, 10 000 events per request, 1 hour late.
   */
  public static IngestLimits defaults() {
    return new IngestLimits(Duration.ofMinutes(5), DEFAULT_MAX_SERIES, Duration.ofHours(1), 10_000);
  }

  /** The collector-wide cap of cumulative series by default. */
  public static final int DEFAULT_MAX_SERIES = 1_000_000;
}
