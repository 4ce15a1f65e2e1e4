package io.meshwatch.dashboards.grafana;

/** A reference to a Grafana data source by plugin type and uid, e.g. {@code prometheus} / {@code meshwatch-prometheus}. */
public record DataSourceRef(String type, String uid) {

  /** A Prometheus data source with {@code uid}. */
  public static DataSourceRef prometheus(String uid) {
    return new DataSourceRef("prometheus", uid);
  }
}
