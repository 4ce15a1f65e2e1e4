package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.FieldDefaults;
import io.meshwatch.dashboards.grafana.FieldOverride;
import io.meshwatch.dashboards.grafana.FieldOverride.Property;
import io.meshwatch.dashboards.grafana.Thresholds;
import io.meshwatch.dashboards.grafana.ValueMapping;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The health of products at a glance, over any {@link Scope} and grouped by any labels: SLO status,
 * least error budget left, worst burn rate, alerting conditions holding, agent silent. The overview
 * and domain dashboards show it as a table and counts; a product dashboard per SLO.
 */
final class Health {
  /** Rows of the products table: one per product. */
  static final List<String> PER_PRODUCT = List.of(Labels.PRODUCT_LABEL, Labels.DOMAIN_LABEL);
  /**
   * The window of "worst burn rate": the long window of the SRE workbook's fastest page, short
   * enough to show a burn as it happens, long enough not to flap.
   */
  static final BurnWindow WORST_BURN_WINDOW = BurnWindow.H1;

  private Health() {}

  /**
   * {@link Fields#ERROR} if the collector failed to evaluate any SLO, else {@link Fields#BREACHING} if
   * any breaches, else {@link Fields#NO_DATA} if any has no data, else healthy.
   */
  static String status(Scope scope, List<String> by) {
    return Promql.by("max", by, Fields.BREACHING + " * " + Selector.of(CollectorMetric.SLO_BREACHING).in(scope)
        + " + " + Selector.of(CollectorMetric.SLO_NO_DATA).in(scope)
        + " + " + Fields.ERROR + " * " + Selector.of(CollectorMetric.SLO_ERROR).in(scope));
  }

  static String budgetLeft(Scope scope, List<String> by) {
    return Promql.by("min", by, Selector.of(CollectorMetric.SLO_ERROR_BUDGET_REMAINING).in(scope).toString());
  }

  static String worstBurn(Scope scope, List<String> by) {
    return Promql.by("max", by, Selector.of(CollectorMetric.SLO_BURN_RATE).in(scope)
        .eq(Labels.WINDOW_LABEL, WORST_BURN_WINDOW.label()).toString());
  }

  /** Burn conditions holding plus SLOs breaching: what the collector alerts on. */
  static String conditionsHolding(Scope scope, List<String> by) {
    return Promql.by("sum", by, Selector.of(CollectorMetric.SLO_BURN_ALERT).in(scope).toString()) + " + "
        + Promql.by("sum", by, Selector.of(CollectorMetric.SLO_BREACHING).in(scope).toString());
  }

  static String agentSilent(Scope scope, List<String> by) {
    return Promql.by("max", by, Selector.of(CollectorMetric.PRODUCT_AGENT_SILENT).in(scope).toString());
  }

  /** Every product of the scope with its status, budget, burn, conditions and agent; worst first. */
  static PanelSpec table(Scope scope, int products) {
    List<Query> queries = List.of(
        Query.table(status(scope, PER_PRODUCT)),
        Query.table(budgetLeft(scope, PER_PRODUCT)),
        Query.table(worstBurn(scope, PER_PRODUCT)),
        Query.table(conditionsHolding(scope, PER_PRODUCT)),
        Query.table(agentSilent(scope, PER_PRODUCT)));
    List<FieldOverride> columns = new ArrayList<>();
    columns.add(column(0, "SLO status", null, Fields.sloStatusColours(), Fields.sloStatus()));
    columns.add(column(1, "Least budget left", Fields.RATIO, Fields.budget(), null));
    columns.add(column(2, "Worst burn rate (" + WORST_BURN_WINDOW.label() + ")", Fields.COUNT,
        Thresholds.of(Fields.GREEN, 1, Fields.ORANGE), null));
    columns.add(column(3, "Alerting conditions", Fields.COUNT, Fields.problems(), null));
    columns.add(column(4, "Agent", null, Fields.problems(), Fields.agent()));
    FieldDefaults defaults = Fields.value(Fields.COUNT, null, null, Fields.plain(), List.of());
    int height = Math.min(20, Math.max(6, products + 3));
    return Panels.table("Product health", "One row per product: worst SLO status, least error budget left over its SLOs, "
        + "fastest burn over " + WORST_BURN_WINDOW.label() + ", burn conditions holding plus SLOs breaching, and "
        + "whether its agent has gone silent.", height, queries, defaults, columns, "SLO status");
  }

  /** Counts over the scope: SLOs breaching, SLOs without data, silent agents, alerting conditions. */
  static List<PanelSpec> counts(Scope scope) {
    FieldDefaults counts = Fields.value(Fields.COUNT, 0.0, null, Fields.problems(), List.of());
    return List.of(
        Panels.stat("SLOs breaching", "SLOs whose compliance over their window is below the objective.", counts,
            Query.instant(Promql.by("sum", List.of(), Selector.of(CollectorMetric.SLO_BREACHING).in(scope).toString()), "")),
        Panels.stat("SLOs without data", "SLOs that cannot be measured now (no data, or the collector failed to"
                + " evaluate them: state error, see the products table); their budget is frozen.",
            Fields.value(Fields.COUNT, 0.0, null, Thresholds.of(Fields.GREEN, 1, Fields.BLUE), List.of()),
            Query.instant(Promql.by("sum", List.of(), Selector.of(CollectorMetric.SLO_NO_DATA).in(scope).toString())
                + " + " + Promql.by("sum", List.of(), Selector.of(CollectorMetric.SLO_ERROR).in(scope).toString()), "")),
        Panels.stat("Silent agents", "Products whose agent has been silent past the timeout.", counts,
            Query.instant(Promql.by("sum", List.of(), Selector.of(CollectorMetric.PRODUCT_AGENT_SILENT).in(scope).toString()), "")),
        Panels.stat("Alerting conditions", "Burn-rate conditions holding plus SLOs breaching.", counts,
            Query.instant(conditionsHolding(scope, List.of()), "")));
  }

  private static FieldOverride column(int index, String title, @Nullable String unit, Thresholds thresholds,
      @Nullable ValueMapping mapping) {
    List<Property> properties = new ArrayList<>();
    properties.add(new Property("displayName", title));
    if (unit != null) {
      properties.add(new Property("unit", unit));
    }
    properties.add(new Property("thresholds", thresholds));
    properties.add(new Property("color", Map.of("mode", "thresholds")));
    properties.add(new Property("custom.cellOptions", Map.of("type", "color-text")));
    if (mapping != null) {
      properties.add(new Property("mappings", List.of(mapping)));
    }
    return new FieldOverride(FieldOverride.Matcher.byName(Panels.valueColumn(index)), properties);
  }
}
