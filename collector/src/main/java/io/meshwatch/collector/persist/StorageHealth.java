package io.meshwatch.collector.persist;

import io.meshwatch.durable.Damage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the collector's storage stands, for readiness: the damage each log was found with at start
 * (by log: {@code journal}, {@code alerting_state}, {@code outbox}), whether the journal takes
 * appends (false after a failed one, until one succeeds), and whether recovery is still running
 * (the collector listens only once it is done, so a running collector reports false).
 *
 * <pre>{@code
 * StorageHealth health = collector.storageHealth();
 * boolean ready = health.journalWritable() && !health.recovering();
 * List<String> why = health.reasons();
 * }</pre>
 */
public record StorageHealth(Map<String, Damage> damageAtStart, boolean journalWritable,
    @Nullable String journalFailure, boolean recovering) {

  public StorageHealth {
    damageAtStart = Map.copyOf(damageAtStart);
  }

  /** All damage found at start, added up. */
  public Damage totalDamage() {
    return damageAtStart.values().stream().reduce(Damage.NONE, Damage::plus);
  }

  /** What a readiness report should say, one line each; empty when all is well. */
  public List<String> reasons() {
    List<String> reasons = new ArrayList<>();
    if (recovering) {
      reasons.add("recovering the state kept in the data dir");
    }
    if (!journalWritable) {
      reasons.add("the journal does not take appends: " + journalFailure);
    }
    damageAtStart.entrySet().stream().filter(e -> !e.getValue().isNone()).sorted(Map.Entry.comparingByKey())
        .forEach(e -> reasons.add("damage found at start in " + e.getKey() + " and stepped over: " + e.getValue()));
    return reasons;
  }
}
