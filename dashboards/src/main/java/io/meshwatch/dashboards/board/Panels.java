package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.FieldConfigSource;
import io.meshwatch.dashboards.grafana.FieldDefaults;
import io.meshwatch.dashboards.grafana.FieldOverride;
import io.meshwatch.dashboards.grafana.PanelOptions;
import io.meshwatch.dashboards.grafana.Transformation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Panels of the kinds meshwatch uses, at their usual sizes (callers resize where a line needs it). */
final class Panels {
  static final int SERIES_HEIGHT = 8;
  static final int STAT_HEIGHT = 4;

  private Panels() {}

  /** A time series graph, half the grid wide; every query is a range query. */
  static PanelSpec timeSeries(String title, @Nullable String description, FieldDefaults defaults, List<Query> queries) {
    return new PanelSpec(title, description, 12, SERIES_HEIGHT, queries, FieldConfigSource.of(defaults),
        PanelOptions.TimeSeries.DEFAULT, List.of());
  }

  /** A big number per series of an instant query, a quarter of the grid wide. */
  static PanelSpec stat(String title, @Nullable String description, FieldDefaults defaults, Query query) {
    return new PanelSpec(title, description, 6, STAT_HEIGHT, List.of(query), FieldConfigSource.of(defaults),
        PanelOptions.Stat.DEFAULT, List.of());
  }

  /**
   * A table with one row per label set of its instant queries, merged on their labels; the time
   * column hidden, each query's value column ({@code Value #A}…) shaped by an override.
   */
  static PanelSpec table(String title, @Nullable String description, int height, List<Query> queries,
      FieldDefaults defaults, List<FieldOverride> columns, String sortBy) {
    return new PanelSpec(title, description, 24, height, queries, new FieldConfigSource(defaults, columns),
        new PanelOptions.Table(true, List.of(new PanelOptions.SortBy(sortBy, true))),
        List.of(Transformation.merge(), Transformation.exclude(List.of("Time"))));
  }

  /** Markdown, without a query. */
  static PanelSpec text(String title, String markdown, int width, int height) {
    return new PanelSpec(title, null, width, height, List.of(),
        FieldConfigSource.of(Fields.value(Fields.COUNT, null, null, Fields.plain(), List.of())),
        PanelOptions.Text.markdown(markdown), List.of());
  }

  /** The name Grafana gives the value column of the query at {@code index} in a table. */
  static String valueColumn(int index) {
    return "Value #" + PanelSpec.refId(index);
  }
}
