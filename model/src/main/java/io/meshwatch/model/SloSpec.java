package io.meshwatch.model;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A service level objective of a data product: an SLI, its threshold (for freshness and volume; left
 * out, it is learned from history), an objective in percent, a window (rolling or calendar), spans
 * excluded from it, the burn-rate conditions that alert on it, and how much history it needs before
 * it is judged.
 *
 * <pre>{@code
 * new SloSpec("fresh-within-1h", SliKind.FRESHNESS,
 *     new Threshold.MaxAge(Duration.ofHours(1)), 99.5, Duration.ofDays(28));
 * }</pre>
 */
public record SloSpec(
    String name,
    SliKind kind,
    @Nullable Threshold threshold,
    double objectivePercent,
    SloWindow window,
    List<Exclusion> exclusions,
    List<BurnCondition> burnConditions,
    Duration minHistory) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
  private static final Duration ONE_DAY = Duration.ofDays(1);

  public SloSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("SLO name must match " + NAME.pattern() + ", got '" + name + "'");
    }
    if (kind == null) {
      throw new IllegalArgumentException("SLO '" + name + "' needs an SLI kind");
    }
    if (threshold != null && !fits(kind, threshold)) {
      throw new IllegalArgumentException(
          "SLO '" + name + "' of kind " + kind.label() + " cannot take a " + threshold.getClass().getSimpleName());
    }
    if (!(objectivePercent > 0 && objectivePercent < 100)) {
      throw new IllegalArgumentException(
          "SLO '" + name + "' objective must be above 0 and below 100 percent, got " + objectivePercent);
    }
    if (window == null) {
      throw new IllegalArgumentException("SLO '" + name + "' needs a window");
    }
    if (burnConditions == null || burnConditions.isEmpty()) {
      throw new IllegalArgumentException("SLO '" + name + "' needs at least one burn condition");
    }
    for (BurnCondition condition : burnConditions) {
      if (condition.longWindow().compareTo(window.longest()) > 0) {
        throw new IllegalArgumentException("SLO '" + name + "' burn condition " + condition.label()
            + " looks back further than its window " + window.label());
      }
    }
    if (minHistory == null || minHistory.isNegative()) {
      throw new IllegalArgumentException("SLO '" + name + "' minimum history must not be negative, got " + minHistory);
    }
    exclusions = List.copyOf(exclusions);
    burnConditions = List.copyOf(burnConditions);
  }

  /**
   * A rolling-window SLO with no exclusions, the SRE workbook's burn conditions (those that fit the
   * window) and the default minimum history.
   */
  public SloSpec(String name, SliKind kind, @Nullable Threshold threshold, double objectivePercent, Duration window) {
    this(name, kind, threshold, objectivePercent, SloWindow.rolling(window), List.of(),
        defaultConditions(SloWindow.rolling(window)), defaultMinHistory(SloWindow.rolling(window)));
  }

  /** The SRE workbook's conditions that look back no further than {@code window}; at least the fastest. */
  public static List<BurnCondition> defaultConditions(SloWindow window) {
    List<BurnCondition> fitting = BurnCondition.SRE_WORKBOOK.stream()
        .filter(c -> c.longWindow().compareTo(window.longest()) <= 0)
        .toList();
    if (!fitting.isEmpty()) {
      return fitting;
    }
    Duration longest = window.longest();
    return List.of(new BurnCondition(Severity.PAGE, longest, longest.dividedBy(12).compareTo(Duration.ofMinutes(1)) < 0
        ? Duration.ofMinutes(1) : longest.dividedBy(12), 0.02));
  }

  /** One day, or a tenth of a window shorter than ten days. */
  public static Duration defaultMinHistory(SloWindow window) {
    Duration tenth = window.longest().dividedBy(10);
    return tenth.compareTo(ONE_DAY) < 0 ? tenth : ONE_DAY;
  }

  /** The objective as a ratio, e.g. 0.995. */
  public double objective() {
    return objectivePercent / 100.0;
  }

  /** The share of events allowed to be bad, e.g. 0.005. */
  public double errorBudget() {
    return 1.0 - objective();
  }

  /** Whether the threshold is learned from history (a freshness or volume SLO that declares none). */
  public boolean learnsThreshold() {
    return threshold == null && kind.takesThreshold();
  }

  private static boolean fits(SliKind kind, Threshold threshold) {
    return switch (kind) {
      case FRESHNESS -> threshold instanceof Threshold.MaxAge;
      case VOLUME -> threshold instanceof Threshold.RowBand;
      case QUALITY, AVAILABILITY, RUN_SUCCESS -> false;
    };
  }
}
