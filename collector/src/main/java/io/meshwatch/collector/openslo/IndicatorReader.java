package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.SloFieldText;
import io.meshwatch.collector.descriptor.YamlMap;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.Threshold;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the spec of an OpenSLO SLI. meshwatch evaluates only its own signals, so every metric source
 * must be of type {@code meshwatch} and say which SLI it is ({@code spec.sli}).
 */
final class IndicatorReader {

  static final String TYPE = "meshwatch";
  private static final List<String> FIELDS = List.of("description", "thresholdMetric", "ratioMetric");
  private static final List<String> RATIO = List.of("counter", "good", "bad", "total", "rawType", "raw");
  private static final List<String> METRIC = List.of("metricSource");
  private static final List<String> SOURCE = List.of("metricSourceRef", "type", "spec");
  private static final List<String> SOURCE_SPEC = List.of("sli", "minRows", "maxRows");

  private IndicatorReader() {}

  /** The indicator {@code sli} describes, or {@code null} after recording every problem. */
  static @Nullable Indicator read(OpenSloObject sli) {
    YamlMap spec = sli.spec();
    if (spec == null) {
      return null;
    }
    Problems problems = spec.problems();
    int errorsBefore = problems.errorCount();
    spec.allowOnly(FIELDS);
    YamlMap threshold = spec.map("thresholdMetric");
    YamlMap ratio = spec.map("ratioMetric");
    if (spec.has("thresholdMetric") == spec.has("ratioMetric")) {
      problems.error(spec.line(), spec.path(), "needs exactly one of thresholdMetric or ratioMetric");
      return null;
    }
    Indicator indicator = threshold != null ? thresholdMetric(threshold) : ratio != null ? ratioMetric(ratio) : null;
    return problems.errorCount() > errorsBefore ? null : indicator;
  }

  private static @Nullable Indicator thresholdMetric(YamlMap metric) {
    Source source = source(metric);
    if (source == null) {
      return null;
    }
    if (source.kind() != SliKind.FRESHNESS) {
      metric.problems().error(source.line(), source.field(), "sli " + source.kind().label()
          + " is a ratio of good to total events: write it as a ratioMetric; only freshness is a thresholdMetric");
      return null;
    }
    return new Indicator(SliKind.FRESHNESS, true, null);
  }

  private static @Nullable Indicator ratioMetric(YamlMap ratio) {
    ratio.allowOnly(RATIO);
    Problems problems = ratio.problems();
    if (ratio.has("raw") || ratio.has("rawType")) {
      String key = ratio.has("raw") ? "raw" : "rawType";
      problems.error(ratio.line(key), ratio.field(key),
          "a precomputed (raw) ratio cannot be evaluated by meshwatch; give good (or bad) and total with type " + TYPE);
      return null;
    }
    if (ratio.has("good") == ratio.has("bad")) {
      problems.error(ratio.line(), ratio.path(), "needs exactly one of good or bad, and total");
      return null;
    }
    if (!ratio.has("total")) {
      problems.error(ratio.line(), ratio.field("total"), "is required with " + (ratio.has("good") ? "good" : "bad"));
      return null;
    }
    String numeratorKey = ratio.has("good") ? "good" : "bad";
    YamlMap numeratorMetric = ratio.map(numeratorKey);
    YamlMap totalMetric = ratio.map("total");
    Source numerator = numeratorMetric == null ? null : source(numeratorMetric);
    Source total = totalMetric == null ? null : source(totalMetric);
    if (numerator == null || total == null) {
      return null;
    }
    if (numerator.kind() != total.kind()) {
      problems.error(total.line(), total.field(), numeratorKey + " and total must measure the same sli, got "
          + numerator.kind().label() + " and " + total.kind().label());
      return null;
    }
    if (numerator.kind() == SliKind.FRESHNESS) {
      problems.error(numerator.line(), numerator.field(), "sli freshness is measured against a maximum age: write it as a "
          + "thresholdMetric, with op lte and the age as the objective's value");
      return null;
    }
    if (total.band() != null) {
      problems.error(total.line(), total.field(), "minRows and maxRows belong on " + numeratorKey + ", the events counted as "
          + numeratorKey);
      return null;
    }
    return new Indicator(numerator.kind(), false, numerator.band());
  }

  private record Source(SliKind kind, Threshold.@Nullable RowBand band, int line, String field) {}

  private static @Nullable Source source(YamlMap metric) {
    metric.allowOnly(METRIC);
    Problems problems = metric.problems();
    YamlMap source = metric.map("metricSource");
    if (source == null) {
      if (!metric.has("metricSource")) {
        problems.error(metric.line(), metric.field("metricSource"), "is required");
      }
      return null;
    }
    source.allowOnly(SOURCE);
    String type = source.string("type");
    if (type == null) {
      problems.error(source.line(), source.field("type"), "is required: meshwatch evaluates only metric sources of type "
          + TYPE + (source.has("metricSourceRef") ? " (a metricSourceRef alone does not say which)" : ""));
      return null;
    }
    if (!type.toLowerCase(Locale.ROOT).equals(TYPE)) {
      problems.error(source.line("type"), source.field("type"), "metricSource type '" + type
          + "' cannot be evaluated by meshwatch; use type " + TYPE + " with spec.sli one of " + SliKind.labels());
      return null;
    }
    if (source.has("metricSourceRef")) {
      problems.warning(source.line("metricSourceRef"), source.field("metricSourceRef"),
          "ignored: meshwatch reads its own signals, it needs no data source");
    }
    YamlMap spec = source.map("spec");
    if (spec == null) {
      problems.error(source.line("spec"), source.field("spec"), "is required for type " + TYPE + ", e.g. {sli: quality}");
      return null;
    }
    spec.allowOnly(SOURCE_SPEC);
    SliKind kind = spec.value("sli", true, "an SLI kind", SloFieldText::kind);
    if (kind == null) {
      return null;
    }
    Threshold.RowBand band = null;
    if (spec.has("minRows") || spec.has("maxRows")) {
      if (kind != SliKind.VOLUME) {
        problems.error(spec.line(spec.has("minRows") ? "minRows" : "maxRows"), spec.path(),
            "minRows and maxRows apply to sli volume only, not " + kind.label());
        return null;
      }
      Long min = spec.value("minRows", true, "a whole number of rows", SloFieldText::rows);
      Long max = spec.value("maxRows", true, "a whole number of rows", SloFieldText::rows);
      if (min == null || max == null) {
        return null;
      }
      if (max < min) {
        problems.error(spec.line("maxRows"), spec.field("maxRows"), "must not be below minRows (" + min + "), got " + max);
        return null;
      }
      band = new Threshold.RowBand(min, max);
    }
    return new Source(kind, band, spec.line("sli"), spec.field("sli"));
  }
}
