package io.meshwatch.dashboards.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Colours by value: the base colour below the first step, then each step's colour from its value up.
 * Steps are absolute values (mode {@code absolute}).
 */
public record Thresholds(String mode, List<Step> steps) {

  public Thresholds {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || steps.get(0).value() != null) {
      throw new IllegalArgumentException("thresholds start with a base step (value null)");
    }
  }

  /** {@code base} below everything, then each {@code (value, colour)} pair in order. */
  public static Thresholds of(String base, Object... valueColourPairs) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(base, null));
    for (int i = 0; i < valueColourPairs.length; i += 2) {
      steps.add(new Step((String) valueColourPairs[i + 1], ((Number) valueColourPairs[i]).doubleValue()));
    }
    return new Thresholds("absolute", steps);
  }

  /** One step; the base step has no value, written as {@code null} as Grafana expects. */
  public record Step(String color, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Double value) {}
}
