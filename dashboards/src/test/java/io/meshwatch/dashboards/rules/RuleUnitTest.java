package io.meshwatch.dashboards.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshwatch.model.CollectorMetric;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus 2.42's rule unit-test file ({@code promtool test rules}) as records that Jackson writes:
 * the rule files under test, and groups of synthetic input series with the alerts expected to fire
 * and the expressions expected to return at given evaluation times.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record RuleUnitTest(
    @JsonProperty("rule_files") List<String> ruleFiles,
    @JsonProperty("evaluation_interval") String evaluationInterval,
    List<Group> tests) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  void write(Path file) throws IOException {
    YAML.writeValue(file.toFile(), this);
  }

  /** One test: its own series (a fresh database), evaluated every {@code interval}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Group(
      String name,
      String interval,
      @JsonProperty("input_series") List<Series> inputSeries,
      @JsonProperty("alert_rule_test") List<AlertCheck> alertRuleTest,
      @JsonProperty("promql_expr_test") List<ExprCheck> promqlExprTest) {}

  /** A series in PromQL notation and its values in promtool's expanding notation, e.g. {@code 1x9 20x10}. */
  record Series(String series, String values) {}

  /** The alerts named {@code alertname} that are firing at {@code eval_time}: exactly {@code exp_alerts}. */
  record AlertCheck(
      @JsonProperty("eval_time") String evalTime,
      String alertname,
      @JsonProperty("exp_alerts") List<ExpectedAlert> expAlerts) {}

  record ExpectedAlert(
      @JsonProperty("exp_labels") Map<String, String> expLabels,
      @JsonProperty("exp_annotations") Map<String, String> expAnnotations) {}

  /** What {@code expr} returns at {@code eval_time}: exactly {@code exp_samples}. */
  record ExprCheck(String expr, @JsonProperty("eval_time") String evalTime, @JsonProperty("exp_samples") List<Sample> expSamples) {}

  record Sample(String labels, double value) {}

  /** {@code at} as promtool reads it, e.g. {@code 12m}. */
  static String at(int minutes) {
    return PromDuration.format(Duration.ofMinutes(minutes));
  }

  /** A series of {@code metric} as Prometheus stores it after a scrape: the collector's labels plus instance and job. */
  static String series(CollectorMetric metric, Map<String, String> labels) {
    return series(metric.prometheusName(), labels, true);
  }

  static String series(String name, Map<String, String> labels, boolean scraped) {
    Map<String, String> all = new TreeMap<>(labels);
    if (scraped) {
      all.put("instance", "127.0.0.1:8080");
      all.put("job", "meshwatch");
    }
    StringBuilder out = new StringBuilder(name).append('{');
    all.forEach((k, v) -> out.append(out.charAt(out.length() - 1) == '{' ? "" : ",").append(k).append('=').append(PromQl.quote(v)));
    return out.append('}').toString();
  }

  /** Values one a minute from minute 0: {@code hold(1, 10).then(20, 11)} is 1 for minutes 0–9, then 20 for 10–20. */
  static final class Values {
    private final List<String> parts = new ArrayList<>();

    static Values hold(double value, int minutes) {
      return new Values().then(value, minutes);
    }

    Values then(double value, int minutes) {
      if (minutes < 1) {
        throw new IllegalArgumentException("hold a value for at least one sample, got " + minutes);
      }
      parts.add(PromQl.number(value) + "x" + (minutes - 1));
      return this;
    }

    @Override
    public String toString() {
      return String.join(" ", parts);
    }
  }
}
