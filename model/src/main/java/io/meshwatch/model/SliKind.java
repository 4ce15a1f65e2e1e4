package io.meshwatch.model;

import java.util.Locale;

/** What an SLO measures. Each kind is fed by one signal of {@link SignalContract}. */
public enum SliKind {
  /** Share of time the data's age is under a {@link Threshold.MaxAge} (or the learned cadence). */
  FRESHNESS(true),
  /** Share of quality checks that pass. */
  QUALITY(false),
  /** Share of runs whose rows written fall inside a {@link Threshold.RowBand} (or the learned band). */
  VOLUME(true),
  /** Share of consumer reads that succeed. */
  AVAILABILITY(false),
  /** Share of pipeline runs that succeed. */
  RUN_SUCCESS(false);

  private final boolean takesThreshold;

  SliKind(boolean takesThreshold) {
    this.takesThreshold = takesThreshold;
  }

  /** Whether an SLO of this kind has a threshold: declared, or else learned from history. */
  public boolean takesThreshold() {
    return takesThreshold;
  }

  /** The name used in descriptors, APIs and metric labels, e.g. {@code run_success}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind named {@code label} (as in {@link #label()}).
   *
   * @throws IllegalArgumentException listing the known kinds
   */
  public static SliKind fromLabel(String label) {
    for (SliKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown SLI kind '" + label + "', expected one of " + labels());
  }

  /** All labels, for error messages. */
  public static String labels() {
    StringBuilder out = new StringBuilder();
    for (SliKind kind : values()) {
      out.append(out.length() == 0 ? "" : ", ").append(kind.label());
    }
    return out.toString();
  }
}
