package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A template variable. meshwatch uses {@code query} variables over a label of the collector's
 * metrics ({@code label_values(metric, label)}), multi-valued with "All" as {@code allValue} (a regex
 * matching every value, so panels select with {@code =~"$var"}), {@code custom} ones with given
 * options, and {@code constant} ones.
 * There is no {@code definition} field: Grafana's UI writes one for query variables, but the published
 * dashboard model ({@code @grafana/schema} VariableModel) has none, and Grafana shows the query instead.
 */
@JsonPropertyOrder({"name", "label", "type", "datasource", "query", "multi", "includeAll", "allValue",
    "current", "refresh", "sort", "hide", "options"})
public record Variable(
    String name,
    String label,
    String type,
    @Nullable DataSourceRef datasource,
    String query,
    boolean multi,
    boolean includeAll,
    @Nullable String allValue,
    Option current,
    int refresh,
    int sort,
    int hide,
    List<Option> options) {

  /** Refreshed when the dashboard loads. */
  public static final int REFRESH_ON_LOAD = 1;
  /** Sorted alphabetically, ascending. */
  public static final int SORT_ALPHABETICAL = 1;

  public Variable {
    options = List.copyOf(options);
  }

  /** A multi-valued variable over {@code label} of {@code metric}'s series, "All" selected. */
  public static Variable labelValues(String name, String label, DataSourceRef datasource, String metricSelector,
      String labelName) {
    String query = "label_values(" + metricSelector + ", " + labelName + ")";
    return new Variable(name, label, "query", datasource, query, true, true, ".*", Option.ALL,
        REFRESH_ON_LOAD, SORT_ALPHABETICAL, 0, List.of());
  }

  /**
   * A single-valued variable whose options are given, e.g. an owner team shown by name whose value is
   * a regex of the team's product ids. The first option is selected. Single-valued and without
   * Grafana's "All" on purpose: Grafana then inserts the value as it is, where a multi-valued one
   * would escape the regex.
   */
  public static Variable custom(String name, String label, List<Option> choices) {
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("custom variable " + name + " needs at least one option");
    }
    List<Option> options = new ArrayList<>();
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < choices.size(); i++) {
      Option choice = choices.get(i);
      if (choice.value().contains(",") || choice.text().contains(",") || choice.text().contains(" : ")) {
        throw new IllegalArgumentException("custom variable " + name + " option '" + choice.text()
            + "' must not contain ',' or ' : ' (they separate options), value '" + choice.value() + "'");
      }
      options.add(new Option(choice.text(), choice.value(), i == 0));
      query.append(i == 0 ? "" : ",").append(choice.text()).append(" : ").append(choice.value());
    }
    return new Variable(name, label, "custom", null, query.toString(), false, false, null, options.get(0), 0, 0, 0,
        options);
  }

  /** A hidden variable with one fixed value, e.g. the product a product dashboard shows. */
  public static Variable constant(String name, String value) {
    Option only = new Option(value, value, true);
    return new Variable(name, name, "constant", null, value, false, false, null, only, 0, 0, 2, List.of(only));
  }

  /** One value of a variable and its text. */
  @JsonPropertyOrder({"text", "value", "selected"})
  public record Option(String text, String value, boolean selected) {
    /** "All": Grafana's {@code $__all}, expanded to {@code allValue}. */
    public static final Option ALL = new Option("All", "$__all", true);
  }
}
