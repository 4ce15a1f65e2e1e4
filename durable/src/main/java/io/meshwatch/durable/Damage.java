package io.meshwatch.durable;

/**
 * What recovery found damaged and stepped over: records it could not read (each skipped, the next
 * valid one read), the bytes they took, segment files moved aside (an intact copy of their valid
 * records written in their place), and snapshots and state-file copies it could not use. A plain
 * value, for metrics and readiness.
 *
 * <pre>{@code
 * Damage found = log.damage();
 * if (!found.isNone()) {
 *   LOG.warn("recovered around damage: {}", found);
 * }
 * }</pre>
 */
public record Damage(long records, long bytes, long segments, long snapshots, long stateCopies) {

  /** Nothing damaged. */
  public static final Damage NONE = new Damage(0, 0, 0, 0, 0);

  public Damage {
    if (records < 0 || bytes < 0 || segments < 0 || snapshots < 0 || stateCopies < 0) {
      throw new IllegalArgumentException("damage counts must not be negative: " + records + ", " + bytes + ", "
          + segments + ", " + snapshots + ", " + stateCopies);
    }
  }

  /** Whether nothing was found damaged. */
  public boolean isNone() {
    return equals(NONE);
  }

  /** Both counts added up. */
  public Damage plus(Damage other) {
    return new Damage(records + other.records, bytes + other.bytes, segments + other.segments,
        snapshots + other.snapshots, stateCopies + other.stateCopies);
  }

  @Override
  public String toString() {
    return records + " records (" + bytes + " bytes) skipped, " + segments + " segments moved aside, " + snapshots
        + " snapshots and " + stateCopies + " state copies not usable";
  }
}
