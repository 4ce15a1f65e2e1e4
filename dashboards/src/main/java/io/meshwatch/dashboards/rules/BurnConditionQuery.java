package io.meshwatch.dashboards.rules;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DurationLabel;
import io.meshwatch.model.SloWindow;
import java.math.BigDecimal;

/**
 * One burn condition of one SLO in PromQL, holding exactly when the collector's
 * {@code BurnAlert.burning()} does: the recorded burn rates over the condition's long and short
 * window both above {@code condition.burnRate(window length)}. NaN (a window without events) compares
 * false, as the collector's missing rate does.
 */
final class BurnConditionQuery {
  private BurnConditionQuery() {}

  /** Whether the SLO's thresholds are constants: its window is rolling, so its length never changes. */
  static boolean isConstant(SloRef ref) {
    return ref.slo().window() instanceof SloWindow.Rolling;
  }

  /**
   * The threshold's recording expression. A rolling window's is the collector's own double, written
   * so that it reads back unchanged. A calendar window's follows the current period's length as the
   * collector publishes it, in the collector's order of operations: {@code share * millis / long
   * millis}, so that a 28-day February and a 31-day month agree with the collector to the bit.
   */
  static String threshold(SloRef ref, BurnCondition condition) {
    if (isConstant(ref)) {
      return "vector(" + PromQl.number(condition.burnRate(ref.slo().window().longest())) + ")";
    }
    return PromQl.number(condition.budgetShare()) + " * (" + ref.gauge(CollectorMetric.SLO_WINDOW_SECONDS)
        + " * 1000) / " + condition.longWindow().toMillis();
  }

  /** Both windows above the threshold; the result keeps the long window's rate and its {@code window} label. */
  static String holds(SloRef ref, BurnCondition condition) {
    return above(ref, condition, DurationLabel.of(condition.longWindow()))
        + "\nand " + PromQl.on(SloRef.IDENTITY) + "\n"
        + above(ref, condition, DurationLabel.of(condition.shortWindow()));
  }

  /** How the condition reads in an annotation, e.g. {@code page-1h-5m: 1h and 5m above 13.44x}. */
  static String describe(SloRef ref, BurnCondition condition) {
    String windows = DurationLabel.of(condition.longWindow()) + " and " + DurationLabel.of(condition.shortWindow());
    String threshold = isConstant(ref)
        ? PromQl.number(condition.burnRate(ref.slo().window().longest())) + "x"
        : percent(condition.budgetShare()) + " of the " + ref.slo().window().label() + "'s budget in "
            + DurationLabel.of(condition.longWindow());
    return condition.label() + ": " + windows + " above " + threshold;
  }

  private static String above(SloRef ref, BurnCondition condition, String window) {
    String rate = PromQl.selector(RecordedMetric.SLO_BURN_RATE, ref.matchers(Labels.WINDOW_LABEL, window));
    if (isConstant(ref)) {
      return rate + " > " + PromQl.number(condition.burnRate(ref.slo().window().longest()));
    }
    return rate + " > " + PromQl.on(SloRef.IDENTITY) + " "
        + PromQl.selector(RecordedMetric.SLO_BURN_THRESHOLD, ref.matchers(Labels.CONDITION_LABEL, condition.label()));
  }

  // 0.02 prints as 2%, 0.125 as 12.5%.
  private static String percent(double share) {
    return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
