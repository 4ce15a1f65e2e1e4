package io.meshwatch.dashboards.grafana;

import java.util.List;

/** How a panel shows its values: defaults for every field, and overrides for fields a matcher picks. */
public record FieldConfigSource(FieldDefaults defaults, List<FieldOverride> overrides) {

  public FieldConfigSource {
    overrides = List.copyOf(overrides);
  }

  /** {@code defaults} and no override. */
  public static FieldConfigSource of(FieldDefaults defaults) {
    return new FieldConfigSource(defaults, List.of());
  }
}
