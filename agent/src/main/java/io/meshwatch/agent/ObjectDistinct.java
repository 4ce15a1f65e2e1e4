package io.meshwatch.agent;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Counts distinct values by {@code equals}: exactly in a {@link HashSet} while there are at most
 * {@code exactLimit} of them, then by a {@link HyperLogLog} estimate.
 */
final class ObjectDistinct {

  private final int exactLimit;
  private final int precision;
  private Set<Object> exact = new HashSet<>();
  private @Nullable HyperLogLog sketch;

  ObjectDistinct(int exactLimit, int precision) {
    this.exactLimit = exactLimit;
    this.precision = precision;
  }

  void add(Object value) {
    if (sketch != null) {
      sketch.add(HyperLogLog.hash(value));
      return;
    }
    if (exact.add(value) && exact.size() > exactLimit) {
      HyperLogLog overflow = new HyperLogLog(precision);
      for (Object seen : exact) {
        overflow.add(HyperLogLog.hash(seen));
      }
      sketch = overflow;
      exact = Set.of();
    }
  }

  boolean exact() {
    return sketch == null;
  }

  long distinct() {
    return sketch == null ? exact.size() : Math.max(sketch.estimate(), exactLimit + 1L);
  }
}
