package io.meshwatch.collector.ingest;

import io.meshwatch.collector.guard.OtlpBounds;
import io.meshwatch.collector.guard.Violation;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One product's deltas within one OTLP request, summed per check, consumer or product and turned
 * into at most one signal of each kind per key. Confined to the decoding thread.
 */
final class ProductSignals {

  /** Points summed into one future signal, and the newest time among them. */
  private abstract static class Part {
    long points;
    @Nullable Instant observedAt;

    void saw(Instant at) {
      points++;
      observedAt = observedAt == null || at.isAfter(observedAt) ? at : observedAt;
    }
  }

  private static final class Freshness extends Part {
    @Nullable Instant dataTime;
  }

  private static final class Quality extends Part {
    long passed;
    long failed;
    long rowsChecked;
    long rowsFailed;
  }

  private static final class Volume extends Part {
    long runs;
    double rows;
  }

  /** Good and bad events with their summed seconds: reads of one consumer, or runs. */
  private static final class Outcomes extends Part {
    long good;
    long bad;
    double seconds;
  }

  private final ProductId product;
  private final Instant heartbeat;
  private final Freshness freshness = new Freshness();
  private final Map<String, Quality> quality = new LinkedHashMap<>();
  private final Volume volume = new Volume();
  private final Map<String, Outcomes> usage = new LinkedHashMap<>();
  private final Outcomes runs = new Outcomes();

  ProductSignals(ProductId product, Instant heartbeat) {
    this.product = product;
    this.heartbeat = heartbeat;
  }

  ProductId product() {
    return product;
  }

  void freshness(Instant observedAt, Instant dataTime) {
    freshness.saw(observedAt);
    freshness.dataTime = freshness.dataTime == null || dataTime.isAfter(freshness.dataTime) ? dataTime : freshness.dataTime;
  }

  /** Adds one point's delta of a counter or histogram. */
  void add(ContractMetric metric, PointLabels labels, Reading delta, Instant observedAt) {
    long count = Math.round(delta.value());
    switch (metric) {
      case QUALITY_CHECKS -> {
        Quality q = part(quality, labels.key(), Quality::new, observedAt);
        if (labels.good()) {
          q.passed = plus(q.passed, count);
        } else {
          q.failed = plus(q.failed, count);
        }
      }
      case QUALITY_ROWS_CHECKED -> {
        Quality q = part(quality, labels.key(), Quality::new, observedAt);
        q.rowsChecked = plus(q.rowsChecked, count);
      }
      case QUALITY_ROWS_FAILED -> {
        Quality q = part(quality, labels.key(), Quality::new, observedAt);
        q.rowsFailed = plus(q.rowsFailed, count);
      }
      case VOLUME_ROWS -> {
        volume.saw(observedAt);
        volume.runs = plus(volume.runs, delta.count());
        volume.rows += delta.value();
      }
      case USAGE_READS -> outcome(part(usage, labels.key(), Outcomes::new, observedAt), labels.good(), count);
      case USAGE_READ_DURATION -> part(usage, labels.key(), Outcomes::new, observedAt).seconds += delta.value();
      case RUNS -> {
        runs.saw(observedAt);
        outcome(runs, labels.good(), count);
      }
      case RUN_DURATION -> {
        runs.saw(observedAt);
        runs.seconds += delta.value();
      }
      case FRESHNESS_DATA_TIME, AGENT_HEARTBEAT -> { }
    }
  }

  /**
   * Hands the heartbeat and every non-zero aggregate to {@code tally}; an aggregate the model refuses
   * (e.g. more rows failed than checked) turns its points into rejections instead.
   */
  void collect(RequestTally tally) {
    tally.signal(new Signal.Heartbeat(product, heartbeat));
    if (freshness.dataTime != null && freshness.observedAt != null) {
      tally.signal(new Signal.FreshnessUpdate(product, freshness.observedAt, freshness.dataTime));
    }
    quality.forEach((check, q) -> {
      if (q.passed != 0 || q.failed != 0 || q.rowsChecked != 0 || q.rowsFailed != 0) {
        emit(tally, q, "check '" + check + "'", () -> new Signal.QualityOutcome(product, at(q), check,
            summed("checksPassed", q.passed), summed("checksFailed", q.failed),
            summed("rowsChecked", q.rowsChecked), summed("rowsFailed", q.rowsFailed)));
      }
    });
    if (volume.runs != 0 || volume.rows != 0) {
      emit(tally, volume, "volume", () -> new Signal.VolumeWritten(product, at(volume), summed("runs", volume.runs), volume.rows));
    }
    usage.forEach((consumer, u) -> {
      if (u.good != 0 || u.bad != 0 || u.seconds != 0) {
        emit(tally, u, "consumer '" + consumer + "'", () -> new Signal.UsageReads(product, at(u), consumer,
            summed("succeeded", u.good), summed("failed", u.bad), seconds("totalLatency", u.seconds)));
      }
    });
    if (runs.good != 0 || runs.bad != 0 || runs.seconds != 0) {
      emit(tally, runs, "runs", () -> new Signal.RunsCompleted(product, at(runs), summed("succeeded", runs.good),
          summed("failed", runs.bad), seconds("totalDuration", runs.seconds)));
    }
  }

  private void emit(RequestTally tally, Part part, String what, Supplier<Signal> signal) {
    try {
      tally.signal(signal.get());
    } catch (IllegalArgumentException e) {
      tally.retract(RejectReason.INVALID_VALUE, "product " + product + ", " + what + ": " + e.getMessage(), part.points);
    }
  }

  private static <P extends Part> P part(Map<String, P> parts, String key, Supplier<P> create, Instant observedAt) {
    P part = parts.computeIfAbsent(key, k -> create.get());
    part.saw(observedAt);
    return part;
  }

  private static void outcome(Outcomes outcomes, boolean good, long count) {
    if (good) {
      outcomes.good = plus(outcomes.good, count);
    } else {
      outcomes.bad = plus(outcomes.bad, count);
    }
  }

  /** Sums counts of at most 2^53 each, stopping just past the bound: no long ever wraps. */
  private static long plus(long sum, long add) {
    return Math.min(sum + add, OtlpBounds.SUMMED_COUNT.max() + 1);
  }

  private static long summed(String name, long sum) {
    Violation violation = OtlpBounds.SUMMED_COUNT.check(sum,
        sum > OtlpBounds.SUMMED_COUNT.max() ? "more than " + OtlpBounds.SUMMED_COUNT.max() : Long.toString(sum));
    if (violation != null) {
      throw new IllegalArgumentException(name + " summed over the request's points " + violation.message());
    }
    return sum;
  }

  private Instant at(Part part) {
    return part.observedAt == null ? heartbeat : part.observedAt;
  }

  /** Whole seconds and nanoseconds: a double's nanoseconds would overflow a long past 292 years. */
  private static Duration seconds(String name, double seconds) {
    Violation violation = OtlpBounds.SUMMED_SECONDS.check(seconds);
    if (violation != null) {
      throw new IllegalArgumentException(name + " summed over the request's points, in seconds, " + violation.message());
    }
    long whole = (long) Math.floor(seconds);
    return Duration.ofSeconds(whole, Math.round((seconds - whole) * 1e9));
  }
}
