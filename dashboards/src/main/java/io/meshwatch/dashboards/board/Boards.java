package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.Dashboard;

/** What all of meshwatch's dashboards share: tag, time range, refresh and variable names. */
final class Boards {
  private Boards() {}

  static final String TAG = "meshwatch";
  static final Dashboard.TimeRange TIME = new Dashboard.TimeRange("now-6h", "now");
  static final String REFRESH = "1m";
  static final String DOMAIN_VARIABLE = "domain";
  static final String PRODUCT_VARIABLE = "product";
  static final String TEAM_VARIABLE = "team";
}
