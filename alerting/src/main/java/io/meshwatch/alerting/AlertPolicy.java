package io.meshwatch.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the {@link AlertEvaluator} times alerts (the burn conditions themselves are each SLO's): how
 * long a condition must hold before the alert fires ({@code pendingFor}, Prometheus' {@code for}) and how long a firing alert
 * keeps firing after its condition cleared ({@code keepFiringFor}, against flapping).
 */
public record AlertPolicy(Duration pendingFor, Duration keepFiringFor) {

  /** 2 minutes pending, 5 minutes keep-firing-for. */
  public static final AlertPolicy DEFAULT = new AlertPolicy(Duration.ofMinutes(2), Duration.ofMinutes(5));

  public AlertPolicy {
    List<String> problems = new ArrayList<>();
    if (pendingFor == null || pendingFor.isNegative()) {
      problems.add("pendingFor must be zero or positive, got " + pendingFor);
    }
    if (keepFiringFor == null || keepFiringFor.isNegative()) {
      problems.add("keepFiringFor must be zero or positive, got " + keepFiringFor);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid alert policy: " + String.join("; ", problems));
    }
  }
}
