package io.meshwatch.collector.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The last {@code capacity} buckets of good/total counts, indexed by an absolute bucket number (e.g.
 * epoch minute), plus running sums for a few spans that are asked every evaluation, so reading them
 * costs nothing and moving forward costs one subtraction per bucket that leaves a span.
 *
 * <p>Counts per bucket are ints to halve the memory; a bucket saturates at {@link Integer#MAX_VALUE}
 * events (2^31 events per minute or hour for one SLO is far beyond any pipeline) rather than wrap.
 * The arrays are allocated on the first event, so a series that never sees one costs almost nothing.
 * A ring knows nothing of time: {@link Tier} maps its bucket numbers to instants. Not thread-safe:
 * {@link MemorySliSeries} guards it.
 */
final class BucketRing {

  /** A written bucket: its age, good and total as big-endian ints, as {@link DataOutput#writeInt} writes them. */
  private static final int BUCKET_BYTES = 12;

  private final int capacity;
  private final int[] spans;
  private final long[] spanGood;
  private final long[] spanTotal;
  private int @Nullable [] good;
  private int @Nullable [] total;
  private long head = Long.MIN_VALUE;

  /** {@code spans} are the look-backs, in buckets, kept as running sums; each within [1, capacity]. */
  BucketRing(int capacity, int... spans) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    for (int span : spans) {
      if (span < 1 || span > capacity) {
        throw new IllegalArgumentException("span must be within [1, " + capacity + "], got " + span);
      }
    }
    this.capacity = capacity;
    this.spans = spans.clone();
    this.spanGood = new long[spans.length];
    this.spanTotal = new long[spans.length];
  }

  int capacity() {
    return capacity;
  }

  /** The newest bucket the ring has moved to, {@link Long#MIN_VALUE} before the first move. */
  long head() {
    return head;
  }

  /** Moves the newest bucket forward to {@code bucket}; buckets falling off the end are forgotten. */
  void advanceTo(long bucket) {
    if (bucket <= head) {
      return;
    }
    if (good == null || total == null || bucket - head >= capacity) {
      clear();
      head = bucket;
      return;
    }
    int steps = (int) (bucket - head);
    for (int i = 0; i < spans.length; i++) {
      if (steps >= spans[i]) {
        spanGood[i] = 0;
        spanTotal[i] = 0;
        continue;
      }
      for (long leaving = head - spans[i] + 1; leaving <= head - spans[i] + steps; leaving++) {
        int slot = slot(leaving);
        spanGood[i] -= good[slot];
        spanTotal[i] -= total[slot];
      }
    }
    for (long entering = head + 1; entering <= bucket; entering++) {
      int slot = slot(entering);
      good[slot] = 0;
      total[slot] = 0;
    }
    head = bucket;
  }

  /**
   * Adds counts to {@code bucket}, which must not be newer than {@link #head()}.
   *
   * @return false if the bucket has already fallen off the ring
   */
  boolean add(long bucket, long addGood, long addTotal) {
    if (bucket > head) {
      throw new IllegalStateException("bucket " + bucket + " is ahead of the ring's head " + head);
    }
    if (bucket <= head - capacity) {
      return false;
    }
    if (good == null || total == null) {
      good = new int[capacity];
      total = new int[capacity];
    }
    int slot = slot(bucket);
    long t = Math.min(addTotal, Integer.MAX_VALUE - (long) total[slot]);
    long g = Math.min(addGood, t);
    good[slot] += (int) g;
    total[slot] += (int) t;
    for (int i = 0; i < spans.length; i++) {
      if (bucket > head - spans[i]) {
        spanGood[i] += g;
        spanTotal[i] += t;
      }
    }
    return true;
  }

  /** The sum of the last {@code span} buckets up to the head; O(1) for a running-sum span. */
  Counts sum(int span) {
    for (int i = 0; i < spans.length; i++) {
      if (spans[i] == span) {
        return new Counts(spanGood[i], spanTotal[i]);
      }
    }
    if (good == null || total == null) {
      return Counts.ZERO;
    }
    long g = 0;
    long t = 0;
    for (long b = head - Math.min(span, capacity) + 1; b <= head; b++) {
      int slot = slot(b);
      g += good[slot];
      t += total[slot];
    }
    return new Counts(g, t);
  }

  /**
   * Adds the counts of the buckets {@code from..to} (inclusive) still on the ring to {@code into[0]}
   * (good) and {@code into[1]} (total). Allocates nothing: the engine sums calendar spans with it.
   */
  void accumulate(long from, long to, long[] into) {
    if (good == null || total == null) {
      return;
    }
    long lo = Math.max(from, head - capacity + 1);
    long hi = Math.min(to, head);
    int slot = lo <= hi ? slot(lo) : 0;
    for (long n = hi - lo + 1; n > 0; n--) {
      into[0] += good[slot];
      into[1] += total[slot];
      if (++slot == capacity) {
        slot = 0;
      }
    }
  }

  /** The good events of {@code bucket}, 0 when it is not on the ring. */
  int good(long bucket) {
    return good == null || !holds(bucket) ? 0 : good[slot(bucket)];
  }

  /** The events of {@code bucket}, 0 when it is not on the ring. */
  int total(long bucket) {
    return total == null || !holds(bucket) ? 0 : total[slot(bucket)];
  }

  /** The oldest bucket the ring holds. */
  long oldest() {
    return head - capacity + 1;
  }

  /** Visits every bucket still on the ring that holds events, oldest first. */
  void forEach(BucketVisitor visitor) {
    if (good == null || total == null) {
      return;
    }
    for (long b = head - capacity + 1; b <= head; b++) {
      int slot = slot(b);
      if (total[slot] > 0) {
        visitor.visit(b, good[slot], total[slot]);
      }
    }
  }

  /**
   * Writes the head and the non-empty buckets, oldest first, as their distance to the head; running
   * sums are not written, {@link #readBuckets} rebuilds them.
   */
  void writeTo(DataOutput out) throws IOException {
    out.writeLong(head);
    int nonEmpty = 0;
    if (total != null) {
      for (int t : total) {
        nonEmpty += t > 0 ? 1 : 0;
      }
    }
    out.writeInt(nonEmpty);
    if (good == null || total == null) {
      return;
    }
    // One buffer per ring and one write: DataOutput's writeInt costs a call per byte.
    byte[] buckets = new byte[nonEmpty * BUCKET_BYTES];
    int at = 0;
    for (long b = oldest(); b <= head; b++) {
      int slot = slot(b);
      if (total[slot] > 0) {
        at = putInt(buckets, at, (int) (head - b));
        at = putInt(buckets, at, good[slot]);
        at = putInt(buckets, at, total[slot]);
      }
    }
    out.write(buckets);
  }

  private static int putInt(byte[] into, int at, int value) {
    into[at] = (byte) (value >>> 24);
    into[at + 1] = (byte) (value >>> 16);
    into[at + 2] = (byte) (value >>> 8);
    into[at + 3] = (byte) value;
    return at + 4;
  }

  private static int getInt(byte[] from, int at) {
    return (from[at] & 0xFF) << 24 | (from[at + 1] & 0xFF) << 16 | (from[at + 2] & 0xFF) << 8 | (from[at + 3] & 0xFF);
  }

  /**
   * Reads what {@link #writeTo} wrote into this empty ring, which must already stand at the written
   * head (the series moves all its rings to the same instant first).
   *
   * @throws IOException when the data does not fit this ring
   */
  void readBuckets(DataInput in) throws IOException {
    long writtenHead = in.readLong();
    if (writtenHead != head) {
      throw new IOException("corrupt snapshot: ring head " + writtenHead + ", expected " + head);
    }
    int count = in.readInt();
    if (count < 0 || count > capacity) {
      throw new IOException("corrupt snapshot: " + count + " buckets for a ring of " + capacity);
    }
    byte[] buckets = new byte[count * BUCKET_BYTES];
    in.readFully(buckets);
    int previousAge = capacity;
    for (int i = 0; i < count; i++) {
      int age = getInt(buckets, i * BUCKET_BYTES);
      int g = getInt(buckets, i * BUCKET_BYTES + 4);
      int t = getInt(buckets, i * BUCKET_BYTES + 8);
      if (age < 0 || age >= previousAge || g < 0 || t < g || t == 0) {
        throw new IOException("corrupt snapshot: bucket age=" + age + " good=" + g + " total=" + t
            + " in a ring of " + capacity + " (ages must fall, counts be 0 <= good <= total, total > 0)");
      }
      add(head - age, g, t);
      previousAge = age;
    }
  }

  /**
   * An estimate of the heap this ring retains, from its array lengths: 64-bit JVM with compressed
   * references, 16-byte object and array headers, sizes rounded up to 8 bytes.
   */
  long footprintBytes() {
    long bytes = 48 + array(4, spans.length) + 2 * array(8, spans.length);
    if (good != null && total != null) {
      bytes += array(4, good.length) + array(4, total.length);
    }
    return bytes;
  }

  private static long array(int elementBytes, int length) {
    return (16 + (long) elementBytes * length + 7) / 8 * 8;
  }

  private boolean holds(long bucket) {
    return bucket <= head && bucket > head - capacity;
  }

  private void clear() {
    if (good != null && total != null) {
      Arrays.fill(good, 0);
      Arrays.fill(total, 0);
    }
    Arrays.fill(spanGood, 0);
    Arrays.fill(spanTotal, 0);
  }

  private int slot(long bucket) {
    return (int) Math.floorMod(bucket, (long) capacity);
  }

  /** Receives the buckets of {@link #forEach}. */
  @FunctionalInterface
  interface BucketVisitor {
    void visit(long bucket, long good, long total);
  }
}
