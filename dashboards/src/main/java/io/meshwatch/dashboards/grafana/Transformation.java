package io.meshwatch.dashboards.grafana;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A step Grafana applies to a panel's query results before showing them, e.g. {@code merge} (one
 * table row per label set out of several instant queries) or {@code organize} (hide, rename columns).
 */
public record Transformation(String id, Map<String, Object> options) {

  public Transformation {
    options = Map.copyOf(options);
  }

  /** Joins the frames of several table queries on their common label columns. */
  public static Transformation merge() {
    return new Transformation("merge", Map.of());
  }

  /** Hides the columns named in {@code excluded}, e.g. {@code Time}. */
  public static Transformation exclude(List<String> excluded) {
    Map<String, Object> byName = new TreeMap<>();
    excluded.forEach(name -> byName.put(name, true));
    return new Transformation("organize", Map.of("excludeByName", byName));
  }
}
