package io.meshwatch.model;

import java.time.Duration;
import java.time.Instant;

/**
 * What a product's pipeline reported, decoded from any transport. Counts are aggregated: one signal
 * may stand for many events of the same kind seen in one export interval (an OTLP delta), or for a
 * single event (a JSON event has counts of one).
 *
 * <p>Every constructor rejects negative counts and non-finite numbers, naming the field.
 */
public sealed interface Signal {

  /** The product the signal is about. */
  ProductId product();

  /** When the reporter observed it (the data point's time). */
  Instant observedAt();

  /** The product's data was updated and now covers events up to {@code dataTime}. */
  record FreshnessUpdate(ProductId product, Instant observedAt, Instant dataTime) implements Signal {
    public FreshnessUpdate {
      Checks.present(product, observedAt);
      if (dataTime == null) {
        throw new IllegalArgumentException("freshness update needs a data time");
      }
    }
  }

  /** Outcomes of the quality check {@code check}: checks passed and failed, rows checked and failed. */
  record QualityOutcome(
      ProductId product,
      Instant observedAt,
      String check,
      long checksPassed,
      long checksFailed,
      long rowsChecked,
      long rowsFailed)
      implements Signal {
    public QualityOutcome {
      Checks.present(product, observedAt);
      Checks.named("check", check);
      Checks.nonNegative("checksPassed", checksPassed);
      Checks.nonNegative("checksFailed", checksFailed);
      Checks.nonNegative("rowsChecked", rowsChecked);
      Checks.nonNegative("rowsFailed", rowsFailed);
      if (rowsFailed > rowsChecked) {
        throw new IllegalArgumentException(
            "rowsFailed (" + rowsFailed + ") cannot exceed rowsChecked (" + rowsChecked + ")");
      }
    }
  }

  /** {@code runs} runs wrote {@code rows} rows in all. */
  record VolumeWritten(ProductId product, Instant observedAt, long runs, double rows) implements Signal {
    public VolumeWritten {
      Checks.present(product, observedAt);
      Checks.nonNegative("runs", runs);
      Checks.nonNegative("rows", rows);
    }

    /** Rows per run, the figure a {@link Threshold.RowBand} judges. */
    public double rowsPerRun() {
      return runs == 0 ? 0 : rows / runs;
    }
  }

  /** Reads of the product by {@code consumer}: how many succeeded and failed, and their summed latency. */
  record UsageReads(
      ProductId product, Instant observedAt, String consumer, long succeeded, long failed, Duration totalLatency)
      implements Signal {
    public UsageReads {
      Checks.present(product, observedAt);
      Checks.named("consumer", consumer);
      Checks.nonNegative("succeeded", succeeded);
      Checks.nonNegative("failed", failed);
      if (totalLatency == null || totalLatency.isNegative()) {
        throw new IllegalArgumentException("totalLatency must be zero or positive, got " + totalLatency);
      }
    }
  }

  /** Pipeline runs that ended: how many succeeded and failed, and their summed duration. */
  record RunsCompleted(ProductId product, Instant observedAt, long succeeded, long failed, Duration totalDuration)
      implements Signal {
    public RunsCompleted {
      Checks.present(product, observedAt);
      Checks.nonNegative("succeeded", succeeded);
      Checks.nonNegative("failed", failed);
      if (totalDuration == null || totalDuration.isNegative()) {
        throw new IllegalArgumentException("totalDuration must be zero or positive, got " + totalDuration);
      }
    }
  }

  /** The product's agent is alive, whether or not it had anything else to report. */
  record Heartbeat(ProductId product, Instant observedAt) implements Signal {
    public Heartbeat {
      Checks.present(product, observedAt);
    }
  }
}

final class Checks {
  private Checks() {}

  static void present(ProductId product, Instant observedAt) {
    if (product == null) {
      throw new IllegalArgumentException("signal needs a product");
    }
    if (observedAt == null) {
      throw new IllegalArgumentException("signal for " + product + " needs an observation time");
    }
  }

  static void named(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }

  static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
  }

  static void nonNegative(String field, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
    }
  }
}
