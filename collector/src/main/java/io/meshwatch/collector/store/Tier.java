package io.meshwatch.collector.store;

import java.time.Duration;

/**
 * One resolution of a series: a {@link BucketRing} whose bucket {@code b} holds the events of
 * {@code [b * resolution, (b + 1) * resolution)} since the epoch.
 */
final class Tier {

  private final long resolutionMillis;
  private final BucketRing ring;

  /** {@code spans} are look-backs, in buckets of this tier, kept as running sums. */
  Tier(Duration resolution, int capacity, int... spans) {
    this.resolutionMillis = resolution.toMillis();
    this.ring = new BucketRing(capacity, spans);
  }

  long resolutionMillis() {
    return resolutionMillis;
  }

  Duration resolution() {
    return Duration.ofMillis(resolutionMillis);
  }

  BucketRing ring() {
    return ring;
  }

  /** How much time the ring spans: its capacity in buckets times the resolution. */
  Duration span() {
    return resolution().multipliedBy(ring.capacity());
  }

  long bucketOf(long epochMillis) {
    return Math.floorDiv(epochMillis, resolutionMillis);
  }

  /** The first bucket starting at or after {@code epochMillis}. */
  long firstBucketFrom(long epochMillis) {
    return -Math.floorDiv(-epochMillis, resolutionMillis);
  }

  long startOf(long bucket) {
    return bucket * resolutionMillis;
  }

  /** The start of the oldest bucket the ring holds; the ring must have moved to a head. */
  long oldestStart() {
    return startOf(ring.oldest());
  }

  /** The buckets a look-back of {@code lookBack} sums: {@code ceil(lookBack / resolution)}, at least 1. */
  long bucketsFor(Duration lookBack) {
    return Math.max(1, -Math.floorDiv(-lookBack.toMillis(), resolutionMillis));
  }

  /** Whether the ring holds every bucket a look-back of {@code lookBack} sums. */
  boolean covers(Duration lookBack) {
    return bucketsFor(lookBack) <= ring.capacity();
  }

  void advanceTo(long nowMillis) {
    ring.advanceTo(bucketOf(nowMillis));
  }

  /** Adds events at {@code atMillis}, at most the ring's head; false if the ring no longer holds it. */
  boolean add(long atMillis, long good, long total) {
    return ring.add(Math.min(bucketOf(atMillis), ring.head()), good, total);
  }

  /** The events of the {@code lookBack} up to and including the head's bucket. */
  Counts sum(Duration lookBack) {
    return ring.sum((int) Math.min(bucketsFor(lookBack), ring.capacity()));
  }
}
