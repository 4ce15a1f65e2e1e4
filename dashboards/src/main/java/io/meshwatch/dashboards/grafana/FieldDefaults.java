package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The display of a panel's fields: unit (Grafana's unit ids, e.g. {@code percentunit}, {@code s},
 * {@code short}), the range, decimals, colour mode, thresholds, what to show without a value, value
 * mappings and the graph style of time series panels.
 */
@JsonPropertyOrder({"unit", "min", "max", "decimals", "color", "thresholds", "noValue", "mappings", "custom"})
public record FieldDefaults(
    String unit,
    @Nullable Double min,
    @Nullable Double max,
    @Nullable Integer decimals,
    FieldColor color,
    Thresholds thresholds,
    @Nullable String noValue,
    List<ValueMapping> mappings,
    @Nullable GraphStyle custom) {

  public FieldDefaults {
    mappings = List.copyOf(mappings);
  }

  /** A field's colour: {@code thresholds} (by value), {@code palette-classic} (one per series) or {@code fixed}. */
  public record FieldColor(String mode) {
    public static final FieldColor THRESHOLDS = new FieldColor("thresholds");
    public static final FieldColor PALETTE = new FieldColor("palette-classic");
  }
}
