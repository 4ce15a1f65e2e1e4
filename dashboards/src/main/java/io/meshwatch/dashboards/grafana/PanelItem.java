package io.meshwatch.dashboards.grafana;

/** What a dashboard's {@code panels} list holds: panels and the rows that head groups of them. */
public sealed interface PanelItem permits Panel, Row {

  /** Where the item sits on the dashboard's 24-column grid. */
  GridPos gridPos();
}
