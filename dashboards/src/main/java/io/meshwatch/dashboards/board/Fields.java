package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.grafana.FieldDefaults;
import io.meshwatch.dashboards.grafana.FieldDefaults.FieldColor;
import io.meshwatch.dashboards.grafana.GraphStyle;
import io.meshwatch.dashboards.grafana.Thresholds;
import io.meshwatch.dashboards.grafana.ValueMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Units, thresholds and value mappings of meshwatch's panels; thresholds come from the SLOs where they have one. */
final class Fields {
  static final String RATIO = "percentunit";
  static final String SECONDS = "s";
  static final String COUNT = "short";
  static final String READS_PER_SECOND = "reqps";
  static final String PER_SECOND = "cps";

  static final String GREEN = "green";
  static final String ORANGE = "orange";
  static final String RED = "red";
  static final String BLUE = "blue";
  static final String PURPLE = "purple";

  /**
   * The value of {@code status} queries: 2 × breaching + no data + 3 × error (no two hold together);
   * an SLO the collector failed to evaluate ranks worst, since nothing about it can be told.
   */
  static final int HEALTHY = 0;
  static final int NO_DATA = 1;
  static final int BREACHING = 2;
  static final int ERROR = 3;

  private Fields() {}

  /** Lines coloured per series; thresholds, if any beyond the base, drawn as dashed lines. */
  static FieldDefaults series(String unit, @Nullable Double min, @Nullable Double max, Thresholds thresholds) {
    GraphStyle style = thresholds.steps().size() > 1 ? GraphStyle.LINES_WITH_THRESHOLDS : GraphStyle.LINES;
    return new FieldDefaults(unit, min, max, null, FieldColor.PALETTE, thresholds, null, List.of(), style);
  }

  /** A single value coloured by its thresholds, e.g. a stat. */
  static FieldDefaults value(String unit, @Nullable Double min, @Nullable Double max, Thresholds thresholds,
      List<ValueMapping> mappings) {
    return new FieldDefaults(unit, min, max, null, FieldColor.THRESHOLDS, thresholds, "no data", mappings, null);
  }

  /** Red below the lowest objective, green from the highest, orange between: higher is better. */
  static Thresholds objectives(List<Double> objectives) {
    return rising(RED, GREEN, objectives);
  }

  /** Green below the lowest limit, red from the highest, orange between: lower is better. */
  static Thresholds limits(List<Double> limits) {
    return rising(GREEN, RED, limits);
  }

  /** Only the base colour: nothing to judge against. */
  static Thresholds plain() {
    return Thresholds.of(GREEN);
  }

  /** Error budget left: red once overspent, orange in its last quarter. */
  static Thresholds budget() {
    return Thresholds.of(RED, 0, ORANGE, 0.25, GREEN);
  }

  /** Counts of things gone wrong: green at zero, red from one. */
  static Thresholds problems() {
    return Thresholds.of(GREEN, 1, RED);
  }

  /** Text for {@link #HEALTHY}, {@link #NO_DATA}, {@link #BREACHING} and {@link #ERROR}. */
  static ValueMapping sloStatus() {
    return ValueMapping.values(Map.of(
        String.valueOf(HEALTHY), new ValueMapping.Result("healthy", GREEN, 0),
        String.valueOf(NO_DATA), new ValueMapping.Result("no data", BLUE, 1),
        String.valueOf(BREACHING), new ValueMapping.Result("breaching", RED, 2),
        String.valueOf(ERROR), new ValueMapping.Result("error", PURPLE, 3)));
  }

  /** Thresholds matching {@link #sloStatus()}'s colours. */
  static Thresholds sloStatusColours() {
    return Thresholds.of(GREEN, NO_DATA, BLUE, BREACHING, RED, ERROR, PURPLE);
  }

  /** Text for the agent-silent gauge. */
  static ValueMapping agent() {
    return ValueMapping.values(Map.of(
        "0", new ValueMapping.Result("reporting", GREEN, 0),
        "1", new ValueMapping.Result("silent", RED, 1)));
  }

  private static Thresholds rising(String base, String top, List<Double> values) {
    List<Double> sorted = values.stream().distinct().sorted().toList();
    List<Object> pairs = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      pairs.add(sorted.get(i));
      pairs.add(i == sorted.size() - 1 ? top : ORANGE);
    }
    return Thresholds.of(base, pairs.toArray());
  }
}
