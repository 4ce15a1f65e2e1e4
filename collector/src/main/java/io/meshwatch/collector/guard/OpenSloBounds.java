package io.meshwatch.collector.guard;

import io.meshwatch.model.SliKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bounds of OpenSLO v1 documents (docs/OPENSLO.md). Fields are named by the kind of the object
 * they belong to, wherever it is written: {@code SLO.spec.timeWindow[].duration}, and
 * {@code SLI.spec.ratioMetric.good.metricSource.spec.minRows} for an SLI of its own or inlined in an
 * SLO alike. The fields of the document itself ({@code apiVersion}, {@code kind}, ...) have no prefix.
 * What becomes an SLO is held to the same bounds as a descriptor's SLOs.
 */
public final class OpenSloBounds {

  public static final String TRANSPORT = "OpenSLO";
  public static final List<String> KINDS =
      List.of("SLO", "SLI", "Service", "AlertPolicy", "AlertCondition", "DataSource", "AlertNotificationTarget");
  /** The kinds an object may be inlined as, where another refers to one. */
  private static final List<String> INLINED = List.of("SLI", "AlertPolicy", "AlertCondition");
  /** A burn rate: as small as a millionth keeps the budget share it becomes above zero for any window. */
  public static final Bound.Number BURN_RATE = Bound.Number.closed(0.000_001, 1_000_000);

  public static final BoundsTable TABLE = new BoundsTable(TRANSPORT, fields());

  private OpenSloBounds() {}

  /** A volume's row band is on the events counted good (or bad); freshness has none. */
  private static Bound bandAt(String metric) {
    return switch (metric) {
      case "thresholdMetric" -> new Bound.Refused("a row band belongs to sli volume, a ratioMetric");
      case "ratioMetric.total" -> new Bound.Refused("a row band belongs on good (or bad)");
      default -> Bounds.COUNT;
    };
  }

  private static List<Field<?>> fields() {
    Bound.Choice bool = Bounds.BOOLEAN;
    List<Field<?>> fields = new ArrayList<>(List.of(
        Field.of("apiVersion", new Bound.Choice(List.of("openslo/v1"))),
        Field.of("kind", new Bound.Choice(KINDS)),
        Field.of("metadata", Bounds.SECTION),
        Field.of("spec", Bounds.SECTION)));
    for (String kind : KINDS) {
      if (INLINED.contains(kind)) {
        fields.add(Field.of(kind + ".kind", new Bound.Choice(List.of(kind))));
      }
      fields.add(Field.of(kind + ".metadata", Bounds.SECTION));
      fields.add(Field.of(kind + ".metadata.name", kind.equals("SLO") ? new Bound.Text(1, 63) : Bounds.IDENTIFIER));
      fields.add(Field.of(kind + ".metadata.displayName", Bounds.NAME));
      for (String map : List.of("labels", "annotations")) {
        // Free-form: of an SLO's or a Service's labels only the product is read, of other kinds' none.
        fields.add(Field.of(kind + ".metadata." + map, new Bound.Items(64)));
        if (kind.equals("SLO") || kind.equals("Service")) {
          fields.add(Field.of(kind + ".metadata." + map + ".meshwatch.io/product", new Bound.Text(1, 127)));
        }
      }
    }
    fields.addAll(List.of(
        Field.of("SLO.spec", Bounds.SECTION),
        Field.of("SLO.spec.description", Bounds.PROSE),
        Field.of("SLO.spec.service", Bounds.IDENTIFIER),
        Field.of("SLO.spec.indicator", Bounds.SECTION),
        Field.of("SLO.spec.indicatorRef", Bounds.IDENTIFIER),
        Field.of("SLO.spec.timeWindow", new Bound.Items(16)),
        Field.of("SLO.spec.timeWindow[]", Bounds.SECTION),
        Field.of("SLO.spec.timeWindow[].duration", Bounds.WINDOW),
        Field.of("SLO.spec.timeWindow[].isRolling", bool),
        Field.of("SLO.spec.timeWindow[].calendar", Bounds.SECTION),
        Field.of("SLO.spec.timeWindow[].calendar.startTime", new Bound.Text(1, 64)),
        Field.of("SLO.spec.timeWindow[].calendar.timeZone", Bounds.IDENTIFIER),
        Field.of("SLO.spec.budgetingMethod", new Bound.Choice(List.of("Occurrences", "Timeslices", "RatioTimeslices"))),
        Field.of("SLO.spec.objectives", new Bound.Items(16)),
        Field.of("SLO.spec.objectives[]", Bounds.SECTION),
        Field.of("SLO.spec.objectives[].displayName", Bounds.NAME),
        Field.of("SLO.spec.objectives[].op", new Bound.Choice(List.of("lte", "lt"))),
        Field.of("SLO.spec.objectives[].value", Bounds.POSITIVE_DURATION),
        Field.of("SLO.spec.objectives[].target", new Bound.Number(0, false, 1, false)),
        Field.of("SLO.spec.objectives[].targetPercent", new Bound.Number(0, false, 100, false)),
        Field.of("SLO.spec.objectives[].timeSliceTarget", new Bound.Number(0, false, 1, true)),
        Field.of("SLO.spec.objectives[].timeSliceWindow", Bounds.POSITIVE_DURATION),
        Field.of("SLO.spec.alertPolicies", new Bound.Items(16)),
        Field.of("SLO.spec.alertPolicies[]", Bounds.SECTION),
        Field.of("SLO.spec.alertPolicies[].alertPolicyRef", Bounds.IDENTIFIER),
        Field.of("SLI.spec", Bounds.SECTION),
        Field.of("SLI.spec.description", Bounds.PROSE),
        Field.of("SLI.spec.thresholdMetric", Bounds.SECTION),
        Field.of("SLI.spec.ratioMetric", Bounds.SECTION),
        Field.of("SLI.spec.ratioMetric.counter", new Bound.Ignored("meshwatch's signals are counts already")),
        Field.of("SLI.spec.ratioMetric.raw", new Bound.Refused("a precomputed ratio cannot be evaluated")),
        Field.of("SLI.spec.ratioMetric.rawType", new Bound.Refused("a precomputed ratio cannot be evaluated"))));
    for (String metric : List.of("thresholdMetric", "ratioMetric.good", "ratioMetric.bad", "ratioMetric.total")) {
      String source = "SLI.spec." + metric + ".metricSource";
      if (!metric.equals("thresholdMetric")) {
        fields.add(Field.of("SLI.spec." + metric, Bounds.SECTION));
      }
      fields.addAll(List.of(
          Field.of(source, Bounds.SECTION),
          Field.of(source + ".metricSourceRef", new Bound.Ignored("meshwatch reads its own signals")),
          Field.of(source + ".type", new Bound.Choice(List.of("meshwatch"))),
          Field.of(source + ".spec", Bounds.SECTION),
          Field.of(source + ".spec.sli", new Bound.Choice(Arrays.stream(SliKind.values()).map(SliKind::label).toList())),
          Field.of(source + ".spec.minRows", bandAt(metric)),
          Field.of(source + ".spec.maxRows", bandAt(metric))));
    }
    fields.addAll(List.of(
        Field.of("Service.spec", Bounds.SECTION),
        Field.of("Service.spec.description", Bounds.PROSE),
        Field.of("AlertPolicy.spec", Bounds.SECTION),
        Field.of("AlertPolicy.spec.description", Bounds.PROSE),
        Field.of("AlertPolicy.spec.alertWhenNoData", bool),
        Field.of("AlertPolicy.spec.alertWhenResolved", bool),
        Field.of("AlertPolicy.spec.alertWhenBreaching", bool),
        Field.of("AlertPolicy.spec.conditions", new Bound.Items(16)),
        Field.of("AlertPolicy.spec.conditions[]", Bounds.SECTION),
        Field.of("AlertPolicy.spec.conditions[].conditionRef", Bounds.IDENTIFIER),
        Field.of("AlertPolicy.spec.notificationTargets", new Bound.Ignored("meshwatch routes alerts itself")),
        Field.of("AlertCondition.spec", Bounds.SECTION),
        Field.of("AlertCondition.spec.description", Bounds.PROSE),
        Field.of("AlertCondition.spec.severity", new Bound.Choice(List.of("page", "ticket"))),
        Field.of("AlertCondition.spec.condition", Bounds.SECTION),
        Field.of("AlertCondition.spec.condition.kind", new Bound.Choice(List.of("burnrate"))),
        Field.of("AlertCondition.spec.condition.op", new Bound.Choice(List.of("gt", "gte"))),
        Field.of("AlertCondition.spec.condition.threshold", BURN_RATE),
        Field.of("AlertCondition.spec.condition.lookbackWindow", new Bound.Span(Duration.ofMinutes(1), Bounds.MAX_DURATION)),
        Field.of("AlertCondition.spec.condition.alertAfter", Bounds.DURATION),
        Field.of("DataSource.spec", new Bound.Ignored("meshwatch connects to no data source")),
        Field.of("AlertNotificationTarget.spec", new Bound.Ignored("meshwatch routes alerts itself"))));
    return fields;
  }
}
