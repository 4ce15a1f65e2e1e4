package io.meshwatch.agent;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The profile of one batch of rows: how many rows, and a {@link ColumnProfile} per column, in the
 * order the columns were first seen. Built by {@link BatchProfiler}, or assembled from column-wise
 * profiles.
 *
 * <pre>{@code
 * BatchProfiler profiler = BatchProfiler.create();
 * BatchProfile profile = new BatchProfile(n, List.of(
 *     profiler.profileDoubles("amount", amounts, amountIsNull),
 *     profiler.profileLongs("customer_id", customerIds, null)));
 * }</pre>
 */
public record BatchProfile(long rows, List<ColumnProfile> columns) {

  public BatchProfile {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative, got " + rows);
    }
    columns = List.copyOf(columns);
    Set<String> names = new HashSet<>();
    for (ColumnProfile column : columns) {
      if (column.rows() != rows) {
        throw new IllegalArgumentException(
            "column '" + column.name() + "' has " + column.rows() + " rows, the batch " + rows);
      }
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("column '" + column.name() + "' appears twice");
      }
    }
  }

  /** The profile of the column {@code name}, if the batch has it. */
  public Optional<ColumnProfile> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
