package io.meshwatch.agent;

import org.jspecify.annotations.Nullable;

/** One column's accumulators while profiling boxed values: non-null count, distinct, and numbers while all values are numbers. */
final class ValueColumn {

  private final String name;
  private final ObjectDistinct distinct;
  private final NumericAccumulator numeric = new NumericAccumulator();
  private long present;
  private boolean allNumbers = true;

  ValueColumn(String name, int exactLimit, int precision) {
    this.name = name;
    this.distinct = new ObjectDistinct(exactLimit, precision);
  }

  void add(@Nullable Object value) {
    if (value == null) {
      return;
    }
    present++;
    distinct.add(value);
    if (value instanceof Number number) {
      if (allNumbers) {
        numeric.add(number.doubleValue());
      }
    } else {
      allNumbers = false;
    }
  }

  ColumnProfile finish(long rows) {
    return new ColumnProfile(
        name, rows, rows - present, distinct.distinct(), distinct.exact(), allNumbers ? numeric.summary() : null);
  }
}
