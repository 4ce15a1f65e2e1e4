package io.meshwatch.dashboards.grafana;

/** A position on Grafana's grid: 24 columns wide, heights in rows of 30 pixels. */
public record GridPos(int h, int w, int x, int y) {

  public static final int COLUMNS = 24;

  public GridPos {
    if (h <= 0 || w <= 0 || x < 0 || y < 0 || x + w > COLUMNS) {
      throw new IllegalArgumentException("grid position must lie within 24 columns, got h=" + h + " w=" + w + " x=" + x + " y=" + y);
    }
  }
}
