package io.meshwatch.agent;

import org.jspecify.annotations.Nullable;

/**
 * Counts distinct 64-bit keys (longs, or doubles' bits) without boxing: exactly in an open-addressing
 * set while there are at most {@code exactLimit} of them, then by a {@link HyperLogLog} estimate.
 */
final class LongDistinct {

  private final int exactLimit;
  private final int precision;
  private long[] table = new long[16];
  private int size;
  // 0 marks an empty slot, so the key 0 (e.g. +0.0) is kept aside.
  private boolean hasZero;
  private @Nullable HyperLogLog sketch;

  LongDistinct(int exactLimit, int precision) {
    this.exactLimit = exactLimit;
    this.precision = precision;
  }

  void add(long key) {
    if (sketch != null) {
      sketch.add(HyperLogLog.mix(key));
      return;
    }
    if (key == 0) {
      if (!hasZero) {
        hasZero = true;
        afterInsert(key);
      }
      return;
    }
    int mask = table.length - 1;
    int slot = (int) HyperLogLog.mix(key) & mask;
    long current;
    while ((current = table[slot]) != 0) {
      if (current == key) {
        return;
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = key;
    size++;
    if (size * 2 > table.length) {
      grow();
    }
    afterInsert(key);
  }

  private void afterInsert(long key) {
    if (count() > exactLimit) {
      HyperLogLog overflow = new HyperLogLog(precision);
      if (hasZero) {
        overflow.add(HyperLogLog.mix(0));
      }
      for (long k : table) {
        if (k != 0) {
          overflow.add(HyperLogLog.mix(k));
        }
      }
      sketch = overflow;
      table = new long[0];
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long key : old) {
      if (key != 0) {
        int slot = (int) HyperLogLog.mix(key) & mask;
        while (table[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        table[slot] = key;
      }
    }
  }

  private int count() {
    return size + (hasZero ? 1 : 0);
  }

  boolean exact() {
    return sketch == null;
  }

  /** The distinct count; once estimated, never below what the exact set had already proven. */
  long distinct() {
    return sketch == null ? count() : Math.max(sketch.estimate(), exactLimit + 1L);
  }
}
