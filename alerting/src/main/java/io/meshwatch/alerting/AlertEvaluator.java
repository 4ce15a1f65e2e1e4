package io.meshwatch.alerting;

import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SloStatus;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns each round of SLO status into alert transitions. Per SLO it tracks one alert per
 * {@link AlertCondition}; an alert whose SLO is missing from a round counts as not holding, so alerts
 * of removed products or SLOs resolve instead of firing forever.
 *
 * <pre>{@code
 * AlertEvaluator evaluator = new AlertEvaluator(AlertPolicy.DEFAULT, InstantSource.system());
 * List<AlertTransition> changes = evaluator.update(engine.statuses(), catalog::find);
 * }</pre>
 */
public final class AlertEvaluator {
  private final AlertPolicy policy;
  private final InstantSource clock;
  // By fingerprint, so alerts missing from a round are visited in a stable order.
  private final Map<String, AlertLifecycle> alerts = new TreeMap<>();

  public AlertEvaluator(AlertPolicy policy, InstantSource clock) {
    if (policy == null || clock == null) {
      throw new IllegalArgumentException("alert evaluator needs a policy and a clock");
    }
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Evaluates every SLO of {@code statuses} at the clock's current time.
   *
   * @param descriptors looks up a product's descriptor for the team label and runbook link
   * @return the transitions this round caused, in the order of {@code statuses}, then of conditions
   */
  public synchronized List<AlertTransition> update(
      List<ProductStatus> statuses, Function<ProductId, Optional<DataProduct>> descriptors) {
    Instant now = clock.instant();
    List<AlertTransition> transitions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ProductStatus product : statuses) {
      Optional<DataProduct> descriptor = descriptors.apply(product.product());
      for (SloStatus slo : product.slos()) {
        for (AlertCondition condition : AlertCondition.values()) {
          String fingerprint = Fingerprint.of(slo.product(), slo.slo(), condition);
          if (!seen.add(fingerprint)) {
            continue; // the same SLO twice in one round: the first one counts
          }
          AlertLifecycle alert = alerts.get(fingerprint);
          if (!AlertCondition.judgeable(slo)) {
            continue; // a frozen budget neither starts nor ends an alert: it stays as it is
          }
          boolean holds = condition.holds(slo);
          if (alert == null && !holds) {
            continue; // nothing to track until the condition first holds
          }
          if (alert == null) {
            alert = new AlertLifecycle(fingerprint, slo.product(), slo.slo(), condition);
            alerts.put(fingerprint, alert);
          }
          if (holds || alert.state() == AlertState.PENDING || alert.state() == AlertState.FIRING) {
            alert.describe(AlertContent.labels(slo, condition, descriptor), AlertContent.annotations(slo, condition, descriptor));
          }
          observe(alert, holds, now).ifPresent(transitions::add);
        }
      }
    }
    List<String> gone = new ArrayList<>();
    alerts.forEach((fingerprint, alert) -> {
      if (!seen.contains(fingerprint)) {
        observe(alert, false, now).ifPresent(transitions::add);
        if (alert.state() == AlertState.INACTIVE || alert.state() == AlertState.RESOLVED) {
          gone.add(fingerprint);
        }
      }
    });
    gone.forEach(alerts::remove);
    alerts.values().removeIf(alert -> alert.state() == AlertState.INACTIVE);
    return transitions;
  }

  /** The alerts that are pending or firing, by fingerprint. */
  public synchronized List<Alert> active() {
    List<Alert> active = new ArrayList<>();
    for (AlertLifecycle alert : alerts.values()) {
      if (alert.state() == AlertState.PENDING || alert.state() == AlertState.FIRING) {
        active.add(alert.snapshot());
      }
    }
    return active;
  }

  /** Every alert tracked: pending, firing, and resolved ones until their SLO's next round, by fingerprint. */
  public synchronized List<Alert> tracked() {
    List<Alert> tracked = new ArrayList<>(alerts.size());
    for (AlertLifecycle alert : alerts.values()) {
      if (alert.state() != AlertState.INACTIVE) {
        tracked.add(alert.snapshot());
      }
    }
    return tracked;
  }

  /** Writes every tracked alert's lifecycle, so that a restarted collector neither re-fires nor forgets them. */
  public synchronized void writeState(DataOutput out) throws IOException {
    out.writeInt(alerts.size());
    for (AlertLifecycle alert : alerts.values()) {
      alert.write(out);
    }
  }

  /** Replaces the tracked alerts by those {@link #writeState} wrote. */
  public synchronized void readState(DataInput in) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("stored alert count is negative: " + count);
    }
    Map<String, AlertLifecycle> read = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      AlertLifecycle alert = AlertLifecycle.read(in);
      read.put(alert.fingerprint(), alert);
    }
    alerts.clear();
    alerts.putAll(read);
  }

  private Optional<AlertTransition> observe(AlertLifecycle alert, boolean holds, Instant now) {
    return alert.observe(holds, now, policy.pendingFor(), policy.keepFiringFor());
  }
}
