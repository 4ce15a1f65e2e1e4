package io.meshwatch.collector.metrics;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what products reported, as accepted by ingest (decoded, validated and journaled; never
 * rejected input): quality checks by check and outcome, reads by consumer and outcome, runs by status
 * and their summed duration, and the rows per run of the latest volume report. Called from the ingest
 * threads; never throws into them.
 */
public final class SignalMetrics {

  /**
   * Distinct {@code check} and {@code consumer} values kept per product before further ones are
   * folded into {@code _other}: enough for any real pipeline, small enough that a reporter putting
   * ids into names cannot blow up the scrape.
   */
  static final int MAX_LABEL_VALUES = 100;

  private static final Logger LOG = LoggerFactory.getLogger(SignalMetrics.class);

  private final MeterRegistry registry;
  private final int maxLabelValues;
  private final Map<ProductId, ProductSignalMeters> products = new ConcurrentHashMap<>();

  public SignalMetrics(MeterRegistry registry) {
    this(registry, MAX_LABEL_VALUES);
  }

  /** With at most {@code maxLabelValues} distinct check and consumer values per product. */
  public SignalMetrics(MeterRegistry registry, int maxLabelValues) {
    if (maxLabelValues < 1) {
      throw new IllegalArgumentException("label values per product must be at least 1, got " + maxLabelValues);
    }
    this.registry = registry;
    this.maxLabelValues = maxLabelValues;
  }

  /** Counts {@code signals}, which ingest has just accepted. */
  public void accepted(List<Signal> signals) {
    for (Signal signal : signals) {
      try {
        record(signal);
      } catch (RuntimeException e) {
        LOG.warn("could not publish a {} of {} on /metrics", signal.getClass().getSimpleName(), signal.product(), e);
      }
    }
  }

  /** Removes the series of every product {@code known} no longer holds (a product taken out of the catalog). */
  public void retain(Predicate<ProductId> known) {
    products.entrySet().removeIf(entry -> {
      if (known.test(entry.getKey())) {
        return false;
      }
      entry.getValue().remove();
      return true;
    });
  }

  private void record(Signal signal) {
    if (signal instanceof Signal.QualityOutcome q) {
      meters(q.product()).quality(q.check(), q.checksPassed(), q.checksFailed());
    } else if (signal instanceof Signal.UsageReads u) {
      meters(u.product()).usage(u.consumer(), u.succeeded(), u.failed());
    } else if (signal instanceof Signal.RunsCompleted r) {
      meters(r.product()).runs(r.succeeded(), r.failed(), r.totalDuration());
    } else if (signal instanceof Signal.VolumeWritten v && v.runs() > 0) {
      // A report of no runs says nothing about the rows a run writes.
      meters(v.product()).volume(v.rowsPerRun());
    }
  }

  private ProductSignalMeters meters(ProductId product) {
    return products.computeIfAbsent(product, id -> new ProductSignalMeters(registry, id, maxLabelValues));
  }
}
