package io.meshwatch.dashboards.grafana;

import java.util.List;

/** Display properties for the fields a matcher picks, e.g. the series named "objective" drawn dashed. */
public record FieldOverride(Matcher matcher, List<Property> properties) {

  public FieldOverride {
    properties = List.copyOf(properties);
  }

  /** Picks fields, e.g. id {@code byName} with the field's display name as options. */
  public record Matcher(String id, String options) {
    public static Matcher byName(String name) {
      return new Matcher("byName", name);
    }
  }

  /** One display property, e.g. id {@code unit} and value {@code s}; values are any JSON. */
  public record Property(String id, Object value) {}
}
