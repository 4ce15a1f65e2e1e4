package io.meshwatch.dashboards.grafana;

/**
 * How a time series panel draws: {@code line} or {@code bars}, fill opacity in percent, and whether
 * thresholds show as a {@code line}, {@code area} or not at all ({@code off}).
 */
public record GraphStyle(String drawStyle, int lineWidth, int fillOpacity, boolean spanNulls, ThresholdsStyle thresholdsStyle) {

  /** Thin lines, light fill, thresholds off. */
  public static final GraphStyle LINES = new GraphStyle("line", 1, 10, true, new ThresholdsStyle("off"));

  /** Thin lines with the thresholds drawn as dashed lines: an SLI against its objective. */
  public static final GraphStyle LINES_WITH_THRESHOLDS = new GraphStyle("line", 1, 10, true, new ThresholdsStyle("dashed"));

  /** Bars, e.g. for counts per interval. */
  public static final GraphStyle BARS = new GraphStyle("bars", 1, 80, false, new ThresholdsStyle("off"));

  /** {@code off}, {@code line}, {@code dashed}, {@code area}, {@code line+area} or {@code dashed+area}. */
  public record ThresholdsStyle(String mode) {}
}
