package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.DashboardLink;
import io.meshwatch.dashboards.grafana.DataSourceRef;
import io.meshwatch.dashboards.grafana.FieldConfigSource;
import io.meshwatch.dashboards.grafana.GridPos;
import io.meshwatch.dashboards.grafana.Panel;
import io.meshwatch.dashboards.grafana.PanelOptions;
import io.meshwatch.dashboards.grafana.Target;
import io.meshwatch.dashboards.grafana.Transformation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A panel before {@link Layout} places it: everything but its id and grid position, plus its size. */
record PanelSpec(
    String title,
    @Nullable String description,
    int width,
    int height,
    List<Query> queries,
    FieldConfigSource fieldConfig,
    PanelOptions options,
    List<Transformation> transformations) {

  PanelSpec {
    if (width < 1 || width > GridPos.COLUMNS || height < 1) {
      throw new IllegalArgumentException("panel '" + title + "' needs 1..24 columns and a height, got " + width + "x" + height);
    }
    queries = List.copyOf(queries);
    transformations = List.copyOf(transformations);
  }

  PanelSpec sized(int newWidth, int newHeight) {
    return new PanelSpec(title, description, newWidth, newHeight, queries, fieldConfig, options, transformations);
  }

  /** The panel at {@code gridPos}; its queries get refIds A, B, C… in order. */
  Panel place(int id, GridPos gridPos, DataSourceRef datasource) {
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      Query q = queries.get(i);
      String refId = refId(i);
      targets.add(switch (q.kind()) {
        case RANGE -> Target.range(refId, datasource, q.expr(), q.legend());
        case INSTANT -> Target.instant(refId, datasource, q.expr(), q.legend());
        case TABLE -> Target.table(refId, datasource, q.expr());
      });
    }
    return new Panel(id, title, description, gridPos, datasource, targets, fieldConfig, options, List.<DashboardLink>of(),
        transformations);
  }

  /** A, B, … Z, AA, AB, …: Grafana names a table's value columns after them ({@code Value #A}). */
  static String refId(int index) {
    return index < 26 ? String.valueOf((char) ('A' + index)) : refId(index / 26 - 1) + (char) ('A' + index % 26);
  }
}
