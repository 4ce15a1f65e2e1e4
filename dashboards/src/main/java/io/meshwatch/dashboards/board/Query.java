package io.meshwatch.dashboards.board;

/** A panel query before it is placed: its PromQL, legend and whether it is run over time, once, or as a table. */
record Query(String expr, String legend, Kind kind) {

  enum Kind {
    RANGE,
    INSTANT,
    TABLE
  }

  static Query range(String expr, String legend) {
    return new Query(expr, legend, Kind.RANGE);
  }

  static Query instant(String expr, String legend) {
    return new Query(expr, legend, Kind.INSTANT);
  }

  static Query table(String expr) {
    return new Query(expr, "__auto", Kind.TABLE);
  }
}
