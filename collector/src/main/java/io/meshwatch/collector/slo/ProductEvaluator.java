package io.meshwatch.collector.slo;

import io.meshwatch.collector.baseline.CadenceLearner;
import io.meshwatch.collector.baseline.VolumeLearner;
import io.meshwatch.model.AgentState;
import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one product at an instant, each SLO on its own: an SLO whose freshness minutes cannot be
 * classified or whose status cannot be computed shows state {@code error} while the product's other
 * SLOs are evaluated as usual, and a product that cannot be evaluated at all shows every SLO in
 * {@code error}. Either way the failure is counted and logged once ({@link ProductFaults}), and
 * {@link #evaluate} never throws: one product's data never stops the evaluation of another.
 */
final class ProductEvaluator {

  private final Duration silenceTimeout;

  ProductEvaluator(Duration silenceTimeout) {
    this.silenceTimeout = silenceTimeout;
  }

  ProductStatus evaluate(ProductTrack product, Instant now) {
    try {
      return evaluateEachSlo(product, now);
    } catch (RuntimeException e) {
      product.faults().evaluationFailed("every SLO", e);
      return failedWhole(product, now, e);
    }
  }

  /**
   * Classifies the freshness minutes of each freshness SLO of {@code product} that ended by {@code upTo},
   * under the product's lock; returns the SLOs that could not be classified, by name, with the cause.
   */
  Map<String, RuntimeException> classify(ProductTrack product, Instant upTo) {
    if (!product.tracksFreshness()) {
      return Map.of();
    }
    Map<String, RuntimeException> failed = null; // on the ingest path: nothing allocated unless something fails
    product.lock().lock();
    try {
      for (SloTrack slo : product.slos()) {
        if (slo.spec().kind() == SliKind.FRESHNESS) {
          try {
            FreshnessMinutes.account(slo, product, upTo, silenceTimeout);
          } catch (RuntimeException e) {
            failed = failed == null ? new LinkedHashMap<>() : failed;
            failed.put(slo.spec().name(), e);
          }
        }
      }
    } finally {
      product.lock().unlock();
    }
    return failed == null ? Map.of() : failed;
  }

  private ProductStatus evaluateEachSlo(ProductTrack product, Instant now) {
    Map<String, RuntimeException> failed = new LinkedHashMap<>(classify(product, now));
    AgentState agent = product.agent(now, silenceTimeout);
    List<SloStatus> slos = new ArrayList<>();
    for (SloTrack slo : product.slos()) {
      String name = slo.spec().name();
      if (!failed.containsKey(name)) {
        try {
          slos.add(SloEvaluator.evaluate(
              product.id(), slo.spec(), slo.series(), agent, now, baseline(product, slo, now), slo.trend()));
          continue;
        } catch (RuntimeException e) {
          failed.put(name, e);
        }
      }
      slos.add(SloEvaluator.failed(product.id(), slo.spec(), now));
    }
    Instant dataTime = product.dataTime();
    // Data times are clamped to the clock when recorded; only a clock stepping back makes one ahead.
    Duration dataAge = dataTime == null ? null
        : dataTime.isAfter(now) ? Duration.ZERO : Duration.between(dataTime, now);
    if (failed.isEmpty()) {
      product.faults().evaluated();
      return new ProductStatus(product.id(), agent, product.lastSeen(), dataTime, dataAge, slos, now);
    }
    product.faults().evaluationFailed("SLOs " + failed.keySet(), failed.values().iterator().next());
    List<String> reasons = new ArrayList<>();
    failed.forEach((name, cause) -> reasons.add("SLO " + name + ": " + describe(cause)));
    return new ProductStatus(product.id(), agent, product.lastSeen(), dataTime, dataAge, slos, now,
        "could not evaluate " + String.join("; ", reasons));
  }

  /** Every SLO in state error, and of the rest what can still be read; never throws. */
  private ProductStatus failedWhole(ProductTrack product, Instant now, RuntimeException cause) {
    List<SloStatus> slos = new ArrayList<>();
    try {
      for (SloTrack slo : product.slos()) {
        slos.add(SloEvaluator.failed(product.id(), slo.spec(), now));
      }
    } catch (RuntimeException e) {
      slos.clear(); // not even the SLOs can be listed: the product shows none
    }
    Instant seen = readOrNull(product::lastSeen);
    return new ProductStatus(product.id(), agent(product, seen, now), seen, readOrNull(product::dataTime), null, slos, now,
        "could not evaluate the product: " + describe(cause));
  }

  /**
   * The agent's state, computed on its own (it is cheap) so that a failure elsewhere does not make a
   * reporting agent look silent; should that computation itself fail, silent if it was ever heard from.
   */
  private AgentState agent(ProductTrack product, @Nullable Instant seen, Instant now) {
    try {
      return product.agent(now, silenceTimeout);
    } catch (RuntimeException e) {
      return seen == null ? AgentState.NEVER_SEEN : AgentState.SILENT;
    }
  }

  private static @Nullable Instant readOrNull(Supplier<@Nullable Instant> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** What {@code slo} learned, {@code null} where it declares its threshold; read under the product's lock. */
  private static @Nullable LearnedBaseline baseline(ProductTrack product, SloTrack slo, Instant now) {
    VolumeLearner volume = slo.volume();
    boolean cadence = ProductTrack.learnsCadence(slo.spec());
    if (volume == null && !cadence) {
      return null;
    }
    product.lock().lock();
    try {
      if (volume != null) {
        return volume.band();
      }
      CadenceLearner learner = product.cadence(ProductTrack.cadenceZone(slo.spec()));
      Instant dataTime = product.dataTime();
      // Before the first update the learner has nothing: its baseline reads 0 samples, whatever the time.
      return learner == null ? null : learner.baselineAt(now, dataTime == null ? now : dataTime);
    } finally {
      product.lock().unlock();
    }
  }
}
