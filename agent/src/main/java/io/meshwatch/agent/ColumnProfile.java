package io.meshwatch.agent;

import org.jspecify.annotations.Nullable;

/**
 * The profile of one column of a batch: rows, nulls, distinct non-null values (exact up to the
 * profiler's bound, a HyperLogLog estimate above it) and, when every non-null value is a number, a
 * {@link NumericSummary}.
 *
 * <pre>{@code
 * ColumnProfile email = profile.column("email").orElseThrow();
 * email.nullRate();      // 0.012
 * email.distinctExact(); // false once past the exact bound
 * }</pre>
 *
 * @param numeric null when the column has no finite numeric values or holds non-numbers
 */
public record ColumnProfile(
    String name, long rows, long nulls, long distinct, boolean distinctExact, @Nullable NumericSummary numeric) {

  public ColumnProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("column name must not be blank, got '" + name + "'");
    }
    if (rows < 0 || nulls < 0 || distinct < 0) {
      throw new IllegalArgumentException(
          "column '" + name + "': rows, nulls and distinct must not be negative, got "
              + rows + ", " + nulls + ", " + distinct);
    }
    if (nulls > rows) {
      throw new IllegalArgumentException("column '" + name + "': nulls (" + nulls + ") exceed rows (" + rows + ")");
    }
    if (distinctExact && distinct > rows - nulls) {
      throw new IllegalArgumentException(
          "column '" + name + "': exact distinct (" + distinct + ") exceeds non-null rows (" + (rows - nulls) + ")");
    }
  }

  /** Share of rows that are null, in [0, 1]; 0 for an empty batch. */
  public double nullRate() {
    return rows == 0 ? 0 : (double) nulls / rows;
  }
}
