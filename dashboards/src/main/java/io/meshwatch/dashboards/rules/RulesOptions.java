package io.meshwatch.dashboards.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link PrometheusRulesGenerator} writes rules: the groups' evaluation interval and every
 * alert's {@code for} and {@code keep_firing_for}. The burn-rate thresholds are not options: each
 * SLO's burn conditions give them, as they do to the collector.
 */
public record RulesOptions(Duration evaluationInterval, Duration alertFor, Duration keepFiringFor) {

  /**
   * 30s evaluation, {@code for: 2m} and {@code keep_firing_for: 5m}: the collector's own alert
   * policy ({@code AlertPolicy.DEFAULT} in the alerting module, which this module may not depend on).
   */
  public static final RulesOptions DEFAULTS =
      new RulesOptions(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5));

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
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid rules options: " + String.join("; ", problems));
    }
  }
}
