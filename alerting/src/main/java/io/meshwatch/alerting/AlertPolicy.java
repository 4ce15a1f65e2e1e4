package io.meshwatch.alerting;

import io.meshwatch.model.BurnRateThresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the {@link AlertEvaluator} decides: burn-rate thresholds, how long a condition must hold
 * before the alert fires ({@code pendingFor}, Prometheus' {@code for}) and how long a firing alert
 * keeps firing after its condition cleared ({@code keepFiringFor}, against flapping).
 */
public record AlertPolicy(BurnRateThresholds thresholds, Duration pendingFor, Duration keepFiringFor) {

  /** SRE workbook thresholds, 2 minutes pending, 5 minutes keep-firing-for. */
  public static final AlertPolicy DEFAULT =
      new AlertPolicy(BurnRateThresholds.SRE_WORKBOOK, Duration.ofMinutes(2), Duration.ofMinutes(5));

  public AlertPolicy {
    List<String> problems = new ArrayList<>();
    if (thresholds == null) {
      problems.add("thresholds are missing");
    }
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
