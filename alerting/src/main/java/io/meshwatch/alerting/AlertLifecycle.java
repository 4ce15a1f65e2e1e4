package io.meshwatch.alerting;

import io.meshwatch.model.ProductId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle of one alert, fed one observation per evaluation. Moves only as
 * {@link AlertStateTransition} allows; not thread-safe (the {@link AlertEvaluator} serialises).
 */
final class AlertLifecycle {
  private final String fingerprint;
  private final ProductId product;
  private final String slo;
  private final AlertCondition condition;

  private AlertState state = AlertState.INACTIVE;
  private Map<String, String> labels = Map.of();
  private Map<String, String> annotations = Map.of();
  private @Nullable Instant activeAt;
  private @Nullable Instant startsAt;
  private @Nullable Instant endsAt;
  // First evaluation at which a firing alert's condition no longer held; null while it holds.
  private @Nullable Instant clearedAt;

  AlertLifecycle(String fingerprint, ProductId product, String slo, AlertCondition condition) {
    this.fingerprint = fingerprint;
    this.product = product;
    this.slo = slo;
    this.condition = condition;
  }

  String fingerprint() {
    return fingerprint;
  }

  AlertState state() {
    return state;
  }

  /** Updates labels and annotations; the next snapshot carries them. */
  void describe(Map<String, String> labels, Map<String, String> annotations) {
    this.labels = labels;
    this.annotations = annotations;
  }

  /** Records whether the condition holds at {@code now}, and the transition that caused, if any. */
  Optional<AlertTransition> observe(boolean holds, Instant now, Duration pendingFor, Duration keepFiringFor) {
    AlertState next = switch (state) {
      case INACTIVE, RESOLVED -> holds ? activate(now, pendingFor) : state;
      case PENDING -> !holds ? AlertState.INACTIVE : waitedFor(activeAt, now, pendingFor) ? fire(now) : state;
      case FIRING -> keepFiring(holds, now, keepFiringFor);
    };
    if (next == state) {
      return Optional.empty();
    }
    AlertStateTransition transition = AlertStateTransition.between(state, next);
    state = next;
    return Optional.of(new AlertTransition(transition, snapshot(), now));
  }

  /** The alert as it stands; only after the condition held at least once. */
  Alert snapshot() {
    if (activeAt == null) {
      throw new IllegalStateException("alert " + fingerprint + " was never active");
    }
    return new Alert(fingerprint, product, slo, condition, state, labels, annotations, activeAt, startsAt, endsAt);
  }

  /** Writes the alert as it stands and when its condition cleared; only after it was active once. */
  void write(DataOutput out) throws IOException {
    AlertCodec.write(out, snapshot());
    AlertCodec.writeInstant(out, clearedAt);
  }

  static AlertLifecycle read(DataInput in) throws IOException {
    Alert alert = AlertCodec.readAlert(in);
    AlertLifecycle lifecycle = new AlertLifecycle(alert.fingerprint(), alert.product(), alert.slo(), alert.condition());
    lifecycle.state = alert.state();
    lifecycle.labels = alert.labels();
    lifecycle.annotations = alert.annotations();
    lifecycle.activeAt = alert.activeAt();
    lifecycle.startsAt = alert.startsAt();
    lifecycle.endsAt = alert.endsAt();
    lifecycle.clearedAt = AlertCodec.readInstant(in);
    return lifecycle;
  }

  private AlertState activate(Instant now, Duration pendingFor) {
    activeAt = now;
    startsAt = null;
    endsAt = null;
    clearedAt = null;
    return pendingFor.isZero() ? fire(now) : AlertState.PENDING;
  }

  private AlertState fire(Instant now) {
    startsAt = now;
    return AlertState.FIRING;
  }

  private AlertState keepFiring(boolean holds, Instant now, Duration keepFiringFor) {
    if (holds) {
      clearedAt = null;
      return AlertState.FIRING;
    }
    if (clearedAt == null) {
      clearedAt = now;
    }
    if (!waitedFor(clearedAt, now, keepFiringFor)) {
      return AlertState.FIRING;
    }
    endsAt = now;
    clearedAt = null;
    return AlertState.RESOLVED;
  }

  private static boolean waitedFor(@Nullable Instant since, Instant now, Duration duration) {
    return since != null && Duration.between(since, now).compareTo(duration) >= 0;
  }
}
