package io.meshwatch.alerting;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One alert as it stands after an evaluation: which SLO and condition it is about, its labels and
 * annotations (sorted by name), and its times. {@code activeAt} is when the condition started to
 * hold in this episode, {@code startsAt} when the alert started firing, {@code endsAt} when it
 * resolved.
 */
public record Alert(
    String fingerprint,
    ProductId product,
    String slo,
    AlertCondition condition,
    AlertState state,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant activeAt,
    @Nullable Instant startsAt,
    @Nullable Instant endsAt) {

  public Alert {
    if (fingerprint == null || fingerprint.isBlank()) {
      throw new IllegalArgumentException("alert needs a fingerprint");
    }
    if (product == null || slo == null || condition == null || state == null || activeAt == null) {
      throw new IllegalArgumentException("alert " + fingerprint + " needs product, slo, condition, state and activeAt");
    }
    if ((state == AlertState.FIRING || state == AlertState.RESOLVED) && startsAt == null) {
      throw new IllegalArgumentException("alert " + fingerprint + " is " + state.label() + " but has no startsAt");
    }
    if (state == AlertState.RESOLVED && endsAt == null) {
      throw new IllegalArgumentException("alert " + fingerprint + " is resolved but has no endsAt");
    }
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
  }

  public Severity severity() {
    return condition.severity();
  }
}
