package io.meshwatch.model;

import java.time.Duration;

/** The look-back windows burn rates are computed over (SRE workbook, multi-window multi-burn-rate). */
public enum BurnWindow {
  M5("5m", Duration.ofMinutes(5)),
  M30("30m", Duration.ofMinutes(30)),
  H1("1h", Duration.ofHours(1)),
  H2("2h", Duration.ofHours(2)),
  H6("6h", Duration.ofHours(6)),
  D1("1d", Duration.ofDays(1)),
  D3("3d", Duration.ofDays(3));

  private final String label;
  private final Duration duration;

  BurnWindow(String label, Duration duration) {
    this.label = label;
    this.duration = duration;
  }

  /** The label used in APIs and metric labels, e.g. {@code 1h}. */
  public String label() {
    return label;
  }

  public Duration duration() {
    return duration;
  }
}
