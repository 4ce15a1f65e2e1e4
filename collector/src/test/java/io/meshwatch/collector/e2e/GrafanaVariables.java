package io.meshwatch.collector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A dashboard's template variables as Grafana's Prometheus data source interpolates them into a query
 * when the dashboard opens with each variable's saved {@code current} value: {@code $name},
 * {@code ${name}}, {@code ${name:format}} and {@code [[name]]}, plus the built-in interval and range
 * variables at fixed values that suit a Prometheus scraping every second. A name Grafana would not
 * know stays in the query as it is, as in Grafana, so that Prometheus then refuses the query.
 */
final class GrafanaVariables {

  /** Grafana's own variable syntax (its {@code variableRegex}): {@code $name}, {@code [[name:fmt]]}, {@code ${name.field:fmt}}. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");

  /**
   * Built-ins at the values Grafana would pick for a 5-minute range on a ~1000-pixel panel and a data
   * source whose scrape interval is 1s: min interval 15s, rate interval max(interval + scrape, 4 x scrape) rounded up to 1m.
   */
  static final Map<String, String> BUILT_INS = Map.of(
      "__interval", "15s",
      "__interval_ms", "15000",
      "__rate_interval", "1m",
      "__rate_interval_ms", "60000",
      "__range", "5m",
      "__range_s", "300",
      "__range_ms", "300000",
      "__auto", "15s");

  private static final String ALL = "$__all";
  private static final String ANY = ".*";
  private static final Pattern REGEX_SPECIALS = Pattern.compile("[$^*{}\\[\\]'+?.()|]");

  /** A variable's selected values; {@code raw} when Grafana inserts it unescaped (a custom "All" value, built-ins). */
  private record Value(List<String> values, boolean regex, boolean raw) {}

  private final Map<String, Value> values;

  private GrafanaVariables(Map<String, Value> values) {
    this.values = values;
  }

  /** The variables of {@code dashboard} (its {@code templating.list}), with the built-ins. */
  static GrafanaVariables of(JsonNode dashboard) {
    Map<String, Value> values = new HashMap<>();
    BUILT_INS.forEach((name, value) -> values.put(name, new Value(List.of(value), false, true)));
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      values.put(variable.path("name").asText(), value(variable));
    }
    return new GrafanaVariables(values);
  }

  /** {@code expr} with every variable Grafana knows replaced by its value. */
  String interpolate(String expr) {
    Matcher matcher = REFERENCE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = first(matcher.group(1), matcher.group(2), matcher.group(4));
      String format = first(matcher.group(3), matcher.group(6), null);
      Value value = values.get(name);
      String replacement = value == null ? matcher.group() : format(value, format);
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Value value(JsonNode variable) {
    String type = variable.path("type").asText();
    boolean regex = variable.path("multi").asBoolean() || variable.path("includeAll").asBoolean();
    if (type.equals("constant")) {
      // Grafana reads a constant from its query; current is only what the last save showed.
      String constant = variable.path("query").asText(variable.path("current").path("value").asText());
      return new Value(List.of(constant), false, false);
    }
    List<String> selected = new ArrayList<>();
    JsonNode current = variable.path("current").path("value");
    if (current.isArray()) {
      current.forEach(v -> selected.add(v.asText()));
    } else if (!current.isMissingNode() && !current.isNull()) {
      selected.add(current.asText());
    }
    if (selected.contains(ALL)) {
      // A custom all value goes in as written; without one Grafana joins every option, which is any value here.
      String allValue = variable.path("allValue").asText("");
      return new Value(List.of(allValue.isEmpty() ? ANY : allValue), regex, true);
    }
    return new Value(selected, regex, false);
  }

  // As the Prometheus data source's interpolateQueryExpr: regex-escaped for multi/All variables, (a|b) for several.
  private static String format(Value value, @Nullable String format) {
    if (value.raw() || "raw".equals(format)) {
      return String.join(",", value.values());
    }
    if ("csv".equals(format)) {
      return String.join(",", value.values());
    }
    if ("pipe".equals(format)) {
      return String.join("|", value.values());
    }
    if (!value.regex() && !"regex".equals(format)) {
      return value.values().isEmpty() ? "" : regularEscape(value.values().get(0));
    }
    List<String> escaped = value.values().stream().map(GrafanaVariables::regexEscape).toList();
    return escaped.size() == 1 ? escaped.get(0) : escaped.stream().collect(Collectors.joining("|", "(", ")"));
  }

  private static String regularEscape(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }

  // Escaped twice over: once for the regex, once for the PromQL string the regex sits in.
  private static String regexEscape(String value) {
    return REGEX_SPECIALS.matcher(value.replace("\\", "\\\\\\\\")).replaceAll(m -> Matcher.quoteReplacement("\\\\" + m.group()));
  }

  private static @Nullable String first(@Nullable String a, @Nullable String b, @Nullable String c) {
    return a != null ? a : b != null ? b : c;
  }
}
