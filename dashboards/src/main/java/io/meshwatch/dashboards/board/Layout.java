package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.DataSourceRef;
import io.meshwatch.dashboards.grafana.GridPos;
import io.meshwatch.dashboards.grafana.PanelItem;
import io.meshwatch.dashboards.grafana.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Places panels on Grafana's 24-column grid left to right, starting a new line when a panel does not
 * fit; a row heading always starts a line of its own. Numbers items 1, 2, 3… in order.
 */
final class Layout {
  private final DataSourceRef datasource;
  private final List<PanelItem> items = new ArrayList<>();
  private int nextId = 1;
  private int x;
  private int y;
  private int lineHeight;

  Layout(DataSourceRef datasource) {
    this.datasource = datasource;
  }

  Layout row(String title) {
    newLine();
    items.add(new Row(nextId++, title, new GridPos(1, GridPos.COLUMNS, 0, y)));
    y += 1;
    return this;
  }

  Layout add(PanelSpec panel) {
    if (x + panel.width() > GridPos.COLUMNS) {
      newLine();
    }
    items.add(panel.place(nextId++, new GridPos(panel.height(), panel.width(), x, y), datasource));
    x += panel.width();
    lineHeight = Math.max(lineHeight, panel.height());
    return this;
  }

  Layout addAll(List<PanelSpec> panels) {
    panels.forEach(this::add);
    return this;
  }

  List<PanelItem> items() {
    return List.copyOf(items);
  }

  private void newLine() {
    y += lineHeight;
    x = 0;
    lineHeight = 0;
  }
}
