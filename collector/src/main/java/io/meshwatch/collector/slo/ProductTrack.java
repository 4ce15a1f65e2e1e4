package io.meshwatch.collector.slo;

import io.meshwatch.collector.baseline.CadenceLearner;
import io.meshwatch.model.AgentState;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * What the engine knows about one registered product: its SLOs (swapped whole on re-registration,
 * so recording threads see the old or the new list, never half of one) and the agent's last contact
 * and newest data time.
 *
 * <p>For a product with a freshness SLO, elapsed minutes must be classified with the state that held
 * during them, so classifying and changing that state (last seen, data time, the SLOs' cursors) happen
 * under {@link #lock()}; one product's signals are few, so the lock is cheap. For other products the
 * state is updated lock-free.
 *
 * <p>A freshness SLO without a threshold is judged by the product's learned update cadence: data
 * updates are the product's, so there is one {@link CadenceLearner} per product, fed every freshness
 * update under the lock. Its weekly hours are those of the SLO's calendar zone where its window is a
 * calendar one, else UTC; in the rare product whose learned SLOs name several zones, each zone gets
 * its own learner. A learner lives as long as some SLO needs its zone.
 */
class ProductTrack { // not final: ProductEvaluatorTest makes one fail

  /**
   * The oldest a data time is taken to be, before the clock: older data is stale for every SLO alike,
   * and the floor keeps the time arithmetic of classifying minutes and learning cadences (epoch
   * milliseconds) far from overflow whatever a reporter claims.
   */
  static final Duration OLDEST_DATA_AGE = Duration.ofDays(1000 * 366);

  private final ProductId id;
  private final ProductFaults faults;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile List<SloTrack> slos;
  private volatile boolean tracksFreshness;
  private final AtomicReference<@Nullable Instant> lastSeen = new AtomicReference<>();
  private final AtomicReference<@Nullable Instant> dataTime = new AtomicReference<>();
  private final AtomicReference<@Nullable Instant> freshnessSince = new AtomicReference<>();
  private volatile Map<ZoneId, CadenceLearner> cadences = Map.of();

  ProductTrack(ProductId id, List<SloTrack> slos) {
    this.id = id;
    this.faults = new ProductFaults(id);
    slos(slos);
  }

  ProductId id() {
    return id;
  }

  /** What went wrong with this product in the engine. */
  ProductFaults faults() {
    return faults;
  }

  List<SloTrack> slos() {
    return slos;
  }

  /** Replaces the SLOs; callers hold the lock once the track is shared. Cadence learners follow. */
  void slos(List<SloTrack> replacement) {
    Map<ZoneId, CadenceLearner> kept = new LinkedHashMap<>();
    for (SloTrack slo : replacement) {
      if (learnsCadence(slo.spec())) {
        ZoneId zone = cadenceZone(slo.spec());
        CadenceLearner existing = cadences.get(zone);
        kept.computeIfAbsent(zone, z -> existing != null ? existing : new CadenceLearner(z));
      }
    }
    cadences = Collections.unmodifiableMap(kept);
    slos = List.copyOf(replacement);
    tracksFreshness = slos.stream().anyMatch(slo -> slo.spec().kind() == SliKind.FRESHNESS);
  }

  static boolean learnsCadence(SloSpec spec) {
    return spec.kind() == SliKind.FRESHNESS && spec.learnsThreshold();
  }

  /** The zone a learned freshness SLO's cadence is kept in: its calendar window's, else UTC. */
  static ZoneId cadenceZone(SloSpec spec) {
    return spec.window() instanceof SloWindow.Calendar calendar ? calendar.zone() : ZoneOffset.UTC;
  }

  /** The cadence learned in {@code zone}; {@code null} when no SLO learns one there. Under the lock. */
  @Nullable CadenceLearner cadence(ZoneId zone) {
    return cadences.get(zone);
  }

  /** Every cadence learner, for the engine's snapshot. Under the lock. */
  Collection<CadenceLearner> cadences() {
    return cadences.values();
  }

  /**
   * Puts back saved state (the engine's snapshot) under the lock: contact and data times as saved,
   * and the saved learner of each zone this product's SLOs still learn in.
   */
  void restore(@Nullable Instant seen, @Nullable Instant data, @Nullable Instant since,
      Map<ZoneId, CadenceLearner> saved) {
    lastSeen.set(seen);
    dataTime.set(data);
    freshnessSince.set(since);
    Map<ZoneId, CadenceLearner> restored = new LinkedHashMap<>(cadences);
    restored.replaceAll((zone, learner) -> saved.getOrDefault(zone, learner));
    cadences = Collections.unmodifiableMap(restored);
  }

  /** Replaces every cadence learner by a new one of its zone: what was learned is forgotten. Under the lock. */
  void resetCadences() {
    Map<ZoneId, CadenceLearner> fresh = new LinkedHashMap<>();
    cadences.keySet().forEach(zone -> fresh.put(zone, new CadenceLearner(zone)));
    cadences = Collections.unmodifiableMap(fresh);
  }

  /** Whether any SLO is a freshness SLO: then state changes go through {@link #lock()}. */
  boolean tracksFreshness() {
    return tracksFreshness;
  }

  /** Guards classifying freshness minutes against the state changes that decide them. */
  ReentrantLock lock() {
    return lock;
  }

  /** The agent was heard from at {@code now} (the engine's clock, not the reporter's). */
  void seen(Instant now) {
    lastSeen.accumulateAndGet(now, ProductTrack::later);
  }

  /**
   * The product's data now covers events up to {@code time}. A data time ahead of the engine's
   * clock is taken as now: a reporter whose clock runs ahead must not keep freshness green forever.
   * One more than {@link #OLDEST_DATA_AGE} before it is taken as that old.
   */
  void dataUpdated(Instant time, Instant now) {
    Instant oldest = now.minus(OLDEST_DATA_AGE);
    Instant clamped = time.isAfter(now) ? now : time.isBefore(oldest) ? oldest : time;
    freshnessSince.compareAndSet(null, now);
    dataTime.accumulateAndGet(clamped, ProductTrack::later);
    // Learners see the clamped time too: a clock running ahead must not stop them learning.
    cadences.values().forEach(learner -> learner.observe(clamped));
  }

  @Nullable Instant lastSeen() {
    return lastSeen.get();
  }

  /** The newest data time reported, {@code null} before the first freshness update. */
  @Nullable Instant dataTime() {
    return dataTime.get();
  }

  /** When the first freshness update arrived (engine clock); freshness is unknown before it. */
  @Nullable Instant freshnessSince() {
    return freshnessSince.get();
  }

  AgentState agent(Instant now, Duration silenceTimeout) {
    Instant seen = lastSeen.get();
    if (seen == null) {
      return AgentState.NEVER_SEEN;
    }
    return Duration.between(seen, now).compareTo(silenceTimeout) > 0 ? AgentState.SILENT : AgentState.REPORTING;
  }

  private static Instant later(@Nullable Instant current, Instant candidate) {
    return current == null || candidate.isAfter(current) ? candidate : current;
  }
}
