package io.meshwatch.model;

import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A service level objective of a data product: an SLI, its threshold where the kind needs one, an
 * objective in percent and a rolling window.
 *
 * <pre>{@code
 * new SloSpec("fresh-within-1h", SliKind.FRESHNESS,
 *     new Threshold.MaxAge(Duration.ofHours(1)), 99.5, Duration.ofDays(28));
 * }</pre>
 */
public record SloSpec(
    String name, SliKind kind, @Nullable Threshold threshold, double objectivePercent, Duration window) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

  public SloSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("SLO name must match " + NAME.pattern() + ", got '" + name + "'");
    }
    if (kind == null) {
      throw new IllegalArgumentException("SLO '" + name + "' needs an SLI kind");
    }
    if (kind.needsThreshold() && threshold == null) {
      throw new IllegalArgumentException("SLO '" + name + "' of kind " + kind.label() + " needs a threshold");
    }
    if (threshold != null && !fits(kind, threshold)) {
      throw new IllegalArgumentException(
          "SLO '" + name + "' of kind " + kind.label() + " cannot take a " + threshold.getClass().getSimpleName());
    }
    if (!(objectivePercent > 0 && objectivePercent < 100)) {
      throw new IllegalArgumentException(
          "SLO '" + name + "' objective must be above 0 and below 100 percent, got " + objectivePercent);
    }
    if (window == null || window.compareTo(Duration.ofMinutes(5)) < 0) {
      throw new IllegalArgumentException("SLO '" + name + "' window must be at least 5m, got " + window);
    }
  }

  /** The objective as a ratio, e.g. 0.995. */
  public double objective() {
    return objectivePercent / 100.0;
  }

  /** The share of events allowed to be bad, e.g. 0.005. */
  public double errorBudget() {
    return 1.0 - objective();
  }

  private static boolean fits(SliKind kind, Threshold threshold) {
    return switch (kind) {
      case FRESHNESS -> threshold instanceof Threshold.MaxAge;
      case VOLUME -> threshold instanceof Threshold.RowBand;
      case QUALITY, AVAILABILITY, RUN_SUCCESS -> false;
    };
  }
}
