package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.SliBucket;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SLO's current window in buckets of {@code step} (aligned to the epoch, oldest first, one point
 * per bucket up to the one holding the evaluation instant), for charts: each bucket's SLI, the error
 * budget that would remain had the window ended with that bucket (the burn-down), and the bucket's
 * burn rate. Exclusions are taken out as they are for the SLO's status.
 */
public record SloHistory(ProductId product, String slo, WindowSpan window, Duration step, List<Point> points) {

  /** The most points one history holds: a finer step over a long window is refused. */
  public static final int MAX_POINTS = 2000;
  /** The finest step: the store keeps nothing finer than a minute. */
  public static final Duration MIN_STEP = Duration.ofMinutes(1);
  private static final Duration HOURS = Duration.ofHours(1);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  /**
   * The step charts and the trend forecast read a window in: hours for a window longer than
   * {@link SliSeries#FINE_SPAN} (three days), else five minutes.
   */
  public static Duration defaultStep(Duration windowLength) {
    return windowLength.compareTo(SliSeries.FINE_SPAN) > 0 ? HOURS : FIVE_MINUTES;
  }

  public SloHistory {
    if (product == null || slo == null || window == null || step == null) {
      throw new IllegalArgumentException("a history needs a product, an SLO, a window and a step");
    }
    points = List.copyOf(points);
  }

  /**
   * The bucket starting {@code at}: its SLI and burn rate ({@code null} without events) and the budget
   * remaining after it.
   */
  public record Point(Instant at, @Nullable Double sli, double budgetRemaining, @Nullable Double burnRate) {

    public Point {
      if (at == null) {
        throw new IllegalArgumentException("a history point needs its bucket start");
      }
    }
  }

  /** Reads the history of {@code spec} from {@code series} at {@code now}. */
  static SloHistory read(ProductId product, SloSpec spec, SliSeries series, Duration step, Instant now) {
    checkStep(step);
    MeasuredWindow measured = MeasuredWindow.at(spec, series, now);
    long stepMillis = step.toMillis();
    long first = Math.floorDiv(measured.counted().start().toEpochMilli(), stepMillis);
    long last = Math.floorDiv(now.toEpochMilli(), stepMillis);
    if (last - first + 1 > MAX_POINTS) {
      throw new IllegalArgumentException("a history holds at most " + MAX_POINTS + " points; "
          + spec.window().label() + " in steps of " + step + " would be " + (last - first + 1));
    }
    long windowTotal = measured.window().total();
    double budget = spec.errorBudget();
    Map<Instant, SliBucket> buckets = new HashMap<>();
    measured.history(step).forEach(bucket -> buckets.put(bucket.start(), bucket));
    List<Point> points = new ArrayList<>();
    long bad = 0;
    for (long index = first; index <= last; index++) {
      Instant at = Instant.ofEpochMilli(index * stepMillis);
      SliBucket bucket = buckets.get(at);
      Double sli = null;
      Double rate = null;
      if (bucket != null) {
        bad += bucket.total() - bucket.good();
        sli = (double) bucket.good() / bucket.total();
        rate = (double) (bucket.total() - bucket.good()) / bucket.total() / budget;
      }
      points.add(new Point(at, sli, BurnDown.remaining(bad, budget, windowTotal), rate));
    }
    return new SloHistory(product, spec.name(), measured.span(), step, points);
  }

  static void checkStep(Duration step) {
    if (step == null || step.compareTo(MIN_STEP) < 0) {
      throw new IllegalArgumentException("a history step must be at least " + MIN_STEP + ", got " + step);
    }
  }
}
