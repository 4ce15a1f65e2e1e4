package io.meshwatch.dashboards.grafana;

import java.util.Map;

/**
 * Text (and colour) shown in place of exact values, e.g. 1 → "breaching" in red: a Grafana
 * {@code value} mapping.
 */
public record ValueMapping(String type, Map<String, Result> options) {

  public ValueMapping {
    options = Map.copyOf(options);
  }

  /** Maps each exact value (as text) to its result. */
  public static ValueMapping values(Map<String, Result> byValue) {
    return new ValueMapping("value", byValue);
  }

  /** What a mapped value shows: its text, colour and order among the mappings. */
  public record Result(String text, String color, int index) {}
}
