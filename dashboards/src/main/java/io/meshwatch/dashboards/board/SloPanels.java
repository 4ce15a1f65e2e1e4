package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.Thresholds;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DurationLabel;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The row of one SLO on its product's dashboard: the SLI against the objective, the error budget
 * burning down, and per burn condition its two windows' burn rates against the condition's threshold.
 */
final class SloPanels {
  private static final List<String> BY_SLO = List.of(Labels.SLO_LABEL);
  private static final int BURN_HEIGHT = 7;

  private SloPanels() {}

  static Section section(Scope product, SloSpec slo) {
    List<PanelSpec> panels = new ArrayList<>();
    panels.add(sliAgainstObjective(product, slo));
    panels.add(budgetBurnDown(product, slo));
    int width = Math.max(6, 24 / slo.burnConditions().size());
    for (BurnCondition condition : slo.burnConditions()) {
      panels.add(burnRates(product, slo, condition).sized(width, BURN_HEIGHT));
    }
    return new Section("SLO " + slo.name() + " · " + slo.kind().label() + " · " + percent(slo.objectivePercent())
        + " over " + slo.window().label(), panels);
  }

  static PanelSpec sliAgainstObjective(Scope product, SloSpec slo) {
    String sli = Promql.by("max", BY_SLO, sloSelector(CollectorMetric.SLO_SLI, product, slo).toString());
    String compliance = Promql.by("max", BY_SLO, sloSelector(CollectorMetric.SLO_COMPLIANCE, product, slo).toString());
    return Panels.timeSeries("SLI against the " + percent(slo.objectivePercent()) + " objective",
        "The SLI over the last 5 minutes and over the SLO's " + slo.window().label()
            + " window (compliance); the dashed line is the objective.",
        Fields.series(Fields.RATIO, null, 1.0, Fields.objectives(List.of(slo.objective()))),
        List.of(Query.range(sli, "SLI (5m)"), Query.range(compliance, "compliance (" + slo.window().label() + ")")));
  }

  static PanelSpec budgetBurnDown(Scope product, SloSpec slo) {
    String budget = Promql.by("min", BY_SLO, sloSelector(CollectorMetric.SLO_ERROR_BUDGET_REMAINING, product, slo).toString());
    return Panels.timeSeries("Error budget left",
        "Share of the " + slo.window().label() + " window's error budget (" + percent(100 * slo.errorBudget())
            + " of events) not yet spent; below 0 it is overspent.",
        Fields.series(Fields.RATIO, null, 1.0, Fields.budget()), List.of(Query.range(budget, "budget left")));
  }

  /**
   * The condition's long and short window. Its threshold is the burn rate at the SLO's window; a
   * calendar window's length varies, so the threshold line is drawn at its longest period and the
   * exact threshold of the current period is added as a series from the collector's window length.
   */
  static PanelSpec burnRates(Scope product, SloSpec slo, BurnCondition condition) {
    double threshold = condition.burnRate(slo.window().longest());
    List<Query> queries = new ArrayList<>();
    for (var window : List.of(condition.longWindow(), condition.shortWindow())) {
      String label = DurationLabel.of(window);
      String expr = Promql.by("max", BY_SLO,
          sloSelector(CollectorMetric.SLO_BURN_RATE, product, slo).eq(Labels.WINDOW_LABEL, label).toString());
      queries.add(Query.range(expr, label));
    }
    String title = "Burn rate " + condition.label() + " (threshold " + round(threshold) + "x)";
    if (slo.window() instanceof SloWindow.Calendar) {
      String windowSeconds = Promql.by("max", BY_SLO, sloSelector(CollectorMetric.SLO_WINDOW_SECONDS, product, slo).toString());
      queries.add(Query.range(windowSeconds + " * " + Promql.number(condition.budgetShare()) + " / "
          + condition.longWindow().toSeconds(), "threshold (this " + slo.window().label() + ")"));
      title = "Burn rate " + condition.label() + " (threshold up to " + round(threshold) + "x)";
    }
    return Panels.timeSeries(title,
        "Alerts (" + condition.severity().label() + ") while both windows burn faster than the threshold: "
            + percent(100 * condition.budgetShare()) + " of the error budget spent in " + DurationLabel.of(condition.longWindow()) + ".",
        Fields.series(Fields.COUNT, 0.0, null, Thresholds.of(Fields.GREEN, threshold, Fields.RED)), queries);
  }

  private static Selector sloSelector(CollectorMetric metric, Scope product, SloSpec slo) {
    return Selector.of(metric).in(product).eq(Labels.SLO_LABEL, slo.name());
  }

  static String percent(double value) {
    return round(value) + "%";
  }

  private static String round(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
