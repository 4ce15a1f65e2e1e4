package io.meshwatch.dashboards.rules;

import io.meshwatch.model.BurnRateThresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link PrometheusRulesGenerator} writes rules: the groups' evaluation interval, every alert's
 * {@code for} and {@code keep_firing_for}, and the burn-rate thresholds.
 */
public record RulesOptions(
    Duration evaluationInterval, Duration alertFor, Duration keepFiringFor, BurnRateThresholds thresholds) {

  /** 30s evaluation, 2m for, 5m keep-firing-for (as the collector's alerting), SRE workbook thresholds. */
  public static final RulesOptions DEFAULTS = new RulesOptions(
      Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5), BurnRateThresholds.SRE_WORKBOOK);

  public RulesOptions {
    List<String> problems = new ArrayList<>();
    if (evaluationInterval == null || evaluationInterval.isNegative() || evaluationInterval.isZero()) {
      problems.add("evaluationInterval must be positive, got " + evaluationInterval);
    }
    if (alertFor == null || alertFor.isNegative()) {
      problems.add("alertFor must be zero or positive, got " + alertFor);
    }
    if (keepFiringFor == null || keepFiringFor.isNegative()) {
      problems.add("keepFiringFor must be zero or positive, got " + keepFiringFor);
    }
    if (thresholds == null) {
      problems.add("thresholds are missing");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid rules options: " + String.join("; ", problems));
    }
  }
}
