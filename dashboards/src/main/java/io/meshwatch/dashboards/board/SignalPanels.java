package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.Thresholds;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.Threshold;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a product's signals: freshness, quality, volume, usage and runs. Every product may
 * report every signal, so each row is there; what only an SLO gives (the freshness threshold, the
 * volume band, an objective) is drawn only for a product with an SLO of that kind.
 */
final class SignalPanels {
  private static final List<String> WHOLE = List.of();

  private SignalPanels() {}

  static List<Section> sections(DataProduct product, Scope scope) {
    return List.of(freshness(product, scope), quality(product, scope), volume(product, scope), usage(scope),
        runs(product, scope));
  }

  static Section freshness(DataProduct product, Scope scope) {
    List<SloSpec> slos = ofKind(product, SliKind.FRESHNESS);
    List<Query> queries = new ArrayList<>();
    queries.add(Query.range(Promql.by("max", WHOLE, Selector.of(CollectorMetric.PRODUCT_DATA_AGE_SECONDS).in(scope).toString()),
        "data age"));
    for (SloSpec slo : slos) {
      queries.add(Query.range(Promql.by("max", WHOLE, Selector.of(CollectorMetric.SLO_FRESHNESS_THRESHOLD_SECONDS).in(scope)
          .eq(Labels.SLO_LABEL, slo.name()).toString()), "threshold " + slo.name() + (slo.learnsThreshold() ? " (learned)" : "")));
    }
    List<Double> declared = slos.stream()
        .filter(s -> s.threshold() instanceof Threshold.MaxAge)
        .map(s -> ((Threshold.MaxAge) s.threshold()).maxAge().toMillis() / 1000.0)
        .toList();
    String title = slos.isEmpty() ? "Data age" : "Data age against its threshold";
    return new Section("Freshness", List.of(Panels.timeSeries(title,
        "Age of the product's newest data" + (slos.isEmpty() ? "." : "; the freshness SLOs' thresholds, declared or learned from the cadence."),
        Fields.series(Fields.SECONDS, 0.0, null, Fields.limits(declared)), queries).sized(24, Panels.SERIES_HEIGHT)));
  }

  static Section quality(DataProduct product, Scope scope) {
    List<String> byCheck = List.of(Labels.CHECK_LABEL);
    Selector checks = Selector.of(CollectorMetric.QUALITY_CHECKS).in(scope);
    String all = Promql.by("sum", byCheck, Promql.rate(checks));
    String passed = Promql.by("sum", byCheck, Promql.rate(checks.eq(Labels.OUTCOME_LABEL, LabelValues.PASSED)));
    List<Double> objectives = ofKind(product, SliKind.QUALITY).stream().map(SloSpec::objective).toList();
    PanelSpec passRate = Panels.timeSeries("Pass rate per check",
        "Share of each check's runs that passed" + (objectives.isEmpty() ? "." : "; dashed: the quality objective."),
        Fields.series(Fields.RATIO, 0.0, 1.0, objectives.isEmpty() ? Fields.plain() : Fields.objectives(objectives)),
        List.of(Query.range(Promql.share(passed, all), "{{" + Labels.CHECK_LABEL + "}}")));
    PanelSpec runsPerSecond = Panels.timeSeries("Checks run", "Checks run per second, by outcome.",
        Fields.series(Fields.PER_SECOND, 0.0, null, Fields.plain()),
        List.of(Query.range(Promql.by("sum", List.of(Labels.OUTCOME_LABEL), Promql.rate(checks)),
            "{{" + Labels.OUTCOME_LABEL + "}}")));
    return new Section("Quality", List.of(passRate, runsPerSecond));
  }

  static Section volume(DataProduct product, Scope scope) {
    List<SloSpec> slos = ofKind(product, SliKind.VOLUME);
    List<Query> queries = new ArrayList<>();
    queries.add(Query.range(Promql.by("max", WHOLE, Selector.of(CollectorMetric.VOLUME_ROWS).in(scope).toString()),
        "rows per run"));
    for (SloSpec slo : slos) {
      queries.add(Query.range(Promql.by("max", List.of(Labels.BOUND_LABEL), Selector.of(CollectorMetric.SLO_VOLUME_BAND_ROWS)
          .in(scope).eq(Labels.SLO_LABEL, slo.name()).toString()), slo.name() + " {{" + Labels.BOUND_LABEL + "}}"));
    }
    List<Threshold.RowBand> declared = slos.stream()
        .filter(s -> s.threshold() instanceof Threshold.RowBand)
        .map(s -> (Threshold.RowBand) s.threshold())
        .toList();
    // One declared band is drawn as thresholds (red outside it); several would overlap, their series suffice.
    Thresholds thresholds = declared.size() == 1
        ? Thresholds.of(Fields.RED, declared.get(0).minRows(), Fields.GREEN, declared.get(0).maxRows() + 1, Fields.RED)
        : Fields.plain();
    return new Section("Volume", List.of(Panels.timeSeries(slos.isEmpty() ? "Rows per run" : "Rows per run against the band",
        "Rows written per run" + (slos.isEmpty() ? "." : "; the volume SLOs' band (lower, upper), declared or learned."),
        Fields.series(Fields.COUNT, 0.0, null, thresholds), queries).sized(24, Panels.SERIES_HEIGHT)));
  }

  static Section usage(Scope scope) {
    List<String> byConsumer = List.of(Labels.CONSUMER_LABEL);
    Selector reads = Selector.of(CollectorMetric.USAGE_READS).in(scope);
    String all = Promql.by("sum", byConsumer, Promql.rate(reads));
    String failed = Promql.by("sum", byConsumer, Promql.rate(reads.eq(Labels.OUTCOME_LABEL, LabelValues.FAILED)));
    String legend = "{{" + Labels.CONSUMER_LABEL + "}}";
    return new Section("Usage", List.of(
        Panels.timeSeries("Reads per consumer", "Reads per second by each consumer, whatever their outcome.",
            Fields.series(Fields.READS_PER_SECOND, 0.0, null, Fields.plain()), List.of(Query.range(all, legend))),
        Panels.timeSeries("Failed reads per consumer", "Failed reads per second by each consumer (0 where none failed).",
            Fields.series(Fields.READS_PER_SECOND, 0.0, null, Fields.plain()),
            List.of(Query.range(Promql.orZero(failed, all), legend)))));
  }

  static Section runs(DataProduct product, Scope scope) {
    Selector runs = Selector.of(CollectorMetric.RUNS).in(scope);
    String all = Promql.by("sum", WHOLE, Promql.rate(runs));
    String succeeded = Promql.by("sum", WHOLE, Promql.rate(runs.eq(Labels.STATUS_LABEL, LabelValues.SUCCEEDED)));
    String duration = Promql.by("sum", WHOLE, Promql.rate(Selector.of(CollectorMetric.RUN_DURATION_SECONDS).in(scope)));
    List<Double> objectives = ofKind(product, SliKind.RUN_SUCCESS).stream().map(SloSpec::objective).toList();
    return new Section("Runs", List.of(
        Panels.timeSeries("Run success ratio",
            "Share of pipeline runs that succeeded" + (objectives.isEmpty() ? "." : "; dashed: the run success objective."),
            Fields.series(Fields.RATIO, 0.0, 1.0, objectives.isEmpty() ? Fields.plain() : Fields.objectives(objectives)),
            List.of(Query.range(Promql.share(succeeded, all), "succeeded"))),
        Panels.timeSeries("Mean run duration", "Summed run time over runs completed, per interval.",
            Fields.series(Fields.SECONDS, 0.0, null, Fields.plain()),
            List.of(Query.range(duration + " / " + all, "mean duration")))));
  }

  private static List<SloSpec> ofKind(DataProduct product, SliKind kind) {
    return Sorting.slos(product).stream().filter(s -> s.kind() == kind).toList();
  }
}
