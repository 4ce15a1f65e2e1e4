package io.meshwatch.collector.slo;

import io.meshwatch.model.AgentState;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 */
final class ProductTrack {

  private final ProductId id;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile List<SloTrack> slos;
  private volatile boolean tracksFreshness;
  private final AtomicReference<@Nullable Instant> lastSeen = new AtomicReference<>();
  private final AtomicReference<@Nullable Instant> dataTime = new AtomicReference<>();
  private final AtomicReference<@Nullable Instant> freshnessSince = new AtomicReference<>();

  ProductTrack(ProductId id, List<SloTrack> slos) {
    this.id = id;
    slos(slos);
  }

  ProductId id() {
    return id;
  }

  List<SloTrack> slos() {
    return slos;
  }

  void slos(List<SloTrack> replacement) {
    slos = List.copyOf(replacement);
    tracksFreshness = slos.stream().anyMatch(slo -> slo.spec().kind() == SliKind.FRESHNESS);
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
   */
  void dataUpdated(Instant time, Instant now) {
    freshnessSince.compareAndSet(null, now);
    dataTime.accumulateAndGet(time.isAfter(now) ? now : time, ProductTrack::later);
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
