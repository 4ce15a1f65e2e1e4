package io.meshwatch.collector.store;

import io.meshwatch.model.BurnWindow;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tiers of one series for one SLO window, finest first: minutes for {@link SliSeries#MINUTE_SPAN},
 * five minutes for {@link SliSeries#FINE_SPAN} and, for a longer window, hours for the whole window.
 * Every event goes into every tier whose ring still holds its time. A look-back is answered by the
 * finest tier covering it; every burn window and the SLO window are running sums of their tier.
 *
 * <p>For a span of time, each instant is read from the finest tier holding it: tier {@code i} serves
 * from the start of its oldest bucket rounded up to the next coarser tier's resolution (so the coarser
 * tier is only read in whole buckets) up to where the finer tier takes over, which never counts an
 * event twice. Not thread-safe: {@link MemorySliSeries} guards it.
 */
final class Tiers {

  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  static final Duration HOUR = Duration.ofHours(1);
  static final int MINUTE_BUCKETS = Math.toIntExact(SliSeries.MINUTE_SPAN.toMinutes());
  static final int FIVE_MINUTE_BUCKETS = Math.toIntExact(SliSeries.FINE_SPAN.dividedBy(FIVE_MINUTES));

  private final Tier[] tiers;
  private long nowMillis = Long.MIN_VALUE;

  private Tiers(Tier[] tiers) {
    this.tiers = tiers;
  }

  /** The tiers an SLO over {@code window} needs, with running sums for its look-backs. */
  static Tiers forWindow(Duration window) {
    Duration[] resolutions = window.compareTo(SliSeries.FINE_SPAN) <= 0
        ? new Duration[] {MINUTE, FIVE_MINUTES}
        : new Duration[] {MINUTE, FIVE_MINUTES, HOUR};
    int[] capacities = {MINUTE_BUCKETS, FIVE_MINUTE_BUCKETS, 0};
    if (resolutions.length == 3) {
      capacities[2] = Math.toIntExact(-Math.floorDiv(-window.toMillis(), HOUR.toMillis()));
    }
    List<Duration> lookBacks = new ArrayList<>();
    for (BurnWindow burn : BurnWindow.values()) {
      lookBacks.add(burn.duration());
    }
    lookBacks.add(window);
    Tier[] tiers = new Tier[resolutions.length];
    for (int i = 0; i < tiers.length; i++) {
      long resolutionMillis = resolutions[i].toMillis();
      Set<Integer> spans = new LinkedHashSet<>();
      for (Duration lookBack : lookBacks) {
        if (finestCovering(lookBack, resolutions, capacities) == i) {
          long buckets = Math.max(1, -Math.floorDiv(-lookBack.toMillis(), resolutionMillis));
          spans.add((int) Math.min(buckets, capacities[i]));
        }
      }
      tiers[i] = new Tier(resolutions[i], capacities[i], spans.stream().mapToInt(Integer::intValue).toArray());
    }
    return new Tiers(tiers);
  }

  private static int finestCovering(Duration lookBack, Duration[] resolutions, int[] capacities) {
    for (int i = 0; i < resolutions.length; i++) {
      if (-Math.floorDiv(-lookBack.toMillis(), resolutions[i].toMillis()) <= capacities[i]) {
        return i;
      }
    }
    return resolutions.length - 1;
  }

  /** The finest tier covering {@code lookBack}, the coarsest when none does. */
  Tier tierFor(Duration lookBack) {
    for (Tier tier : tiers) {
      if (tier.covers(lookBack)) {
        return tier;
      }
    }
    return coarsest();
  }

  Duration retention() {
    return coarsest().span();
  }

  /** The latest time the tiers have moved to, {@link Long#MIN_VALUE} before any. */
  long nowMillis() {
    return nowMillis;
  }

  void advanceTo(long epochMillis) {
    if (epochMillis <= nowMillis) {
      return;
    }
    nowMillis = epochMillis;
    for (Tier tier : tiers) {
      tier.advanceTo(epochMillis);
    }
  }

  /** Adds events at {@code atMillis} (capped to now) to every tier still holding that time. */
  boolean add(long atMillis, long good, long total) {
    boolean kept = false;
    for (Tier tier : tiers) {
      kept |= tier.add(Math.min(atMillis, nowMillis), good, total);
    }
    return kept;
  }

  Counts counts(Duration lookBack) {
    return tierFor(lookBack).sum(lookBack);
  }

  /** The events in the buckets starting within {@code [from, to)}, each time from its finest tier. */
  Counts counts(long from, long to) {
    if (nowMillis == Long.MIN_VALUE) {
      return Counts.ZERO;
    }
    long[] sums = new long[2];
    long servedUntil = Long.MAX_VALUE;
    for (int i = 0; i < tiers.length; i++) {
      Tier tier = tiers[i];
      long servedFrom = servedFrom(i, from);
      long lo = Math.max(servedFrom, from);
      long hi = Math.min(servedUntil, to);
      if (lo < hi) {
        tier.ring().accumulate(tier.firstBucketFrom(lo), tier.firstBucketFrom(hi) - 1, sums);
      }
      servedUntil = servedFrom;
    }
    return new Counts(sums[0], sums[1]);
  }

  /** Visits the non-empty buckets starting within {@code [from, to)}, oldest first, each time from its finest tier. */
  void forEach(long from, long to, SpanVisitor visitor) {
    if (nowMillis == Long.MIN_VALUE) {
      return;
    }
    long[] starts = new long[tiers.length];
    for (int i = 0; i < tiers.length; i++) {
      starts[i] = servedFrom(i, from);
    }
    for (int i = tiers.length - 1; i >= 0; i--) {
      Tier tier = tiers[i];
      long lo = Math.max(starts[i], from);
      long hi = Math.min(i == 0 ? Long.MAX_VALUE : starts[i - 1], to);
      if (lo >= hi) {
        continue;
      }
      BucketRing ring = tier.ring();
      long last = Math.min(tier.firstBucketFrom(hi) - 1, ring.head());
      for (long b = Math.max(tier.firstBucketFrom(lo), ring.oldest()); b <= last; b++) {
        int total = ring.total(b);
        if (total > 0) {
          visitor.visit(tier.startOf(b), tier.resolutionMillis(), ring.good(b), total);
        }
      }
    }
  }

  /**
   * Where tier {@code i} starts serving a span starting at {@code from}: its oldest bucket's start,
   * rounded up to the next coarser tier's resolution so that tier is read in whole buckets — unless
   * the coarser bucket straddling that start begins before {@code from}: it is not counted then, and
   * the finer tier serves all the time it holds. So a span starting within a tier's reach is counted
   * at that tier's resolution, as the look-back of the same length is.
   */
  private long servedFrom(int i, long from) {
    long oldest = tiers[i].oldestStart();
    if (i == tiers.length - 1) {
      return oldest;
    }
    long coarser = tiers[i + 1].resolutionMillis();
    long straddling = Math.floorDiv(oldest, coarser) * coarser;
    return from > straddling ? oldest : -Math.floorDiv(-oldest, coarser) * coarser;
  }

  /**
   * Fills these (empty) tiers from {@code old}, the tiers of the same series for another window: a
   * tier of a resolution {@code old} also has gets its buckets, a new one gets old's span walk.
   */
  void copyFrom(Tiers old) {
    if (old.nowMillis == Long.MIN_VALUE) {
      return;
    }
    advanceTo(old.nowMillis);
    for (Tier tier : tiers) {
      Tier same = old.tierOf(tier.resolutionMillis());
      if (same != null) {
        same.ring().forEach(tier.ring()::add);
      } else {
        old.forEach(Long.MIN_VALUE, Long.MAX_VALUE, (start, resolution, good, total) -> {
          if (tier.resolutionMillis() % resolution == 0) {
            tier.ring().add(tier.bucketOf(start), good, total);
          }
        });
      }
    }
  }

  private @Nullable Tier tierOf(long resolutionMillis) {
    for (Tier tier : tiers) {
      if (tier.resolutionMillis() == resolutionMillis) {
        return tier;
      }
    }
    return null;
  }

  long footprintBytes() {
    long bytes = 32 + 16 + 4L * tiers.length;
    for (Tier tier : tiers) {
      bytes += 24 + tier.ring().footprintBytes();
    }
    return bytes;
  }

  /** Writes the time moved to and, per tier, its resolution, capacity, head and non-empty buckets. */
  void writeTo(DataOutput out) throws IOException {
    out.writeLong(nowMillis);
    out.writeByte(tiers.length);
    for (Tier tier : tiers) {
      out.writeLong(tier.resolutionMillis());
      out.writeInt(tier.ring().capacity());
      tier.ring().writeTo(out);
    }
  }

  /** Reads what {@link #writeTo} wrote for tiers of {@code window}; fails if the layouts differ. */
  static Tiers readFrom(Duration window, DataInput in) throws IOException {
    Tiers read = forWindow(window);
    long now = in.readLong();
    int count = in.readUnsignedByte();
    if (count != read.tiers.length) {
      throw new IOException("snapshot has " + count + " tiers for window " + window + ", this collector keeps "
          + read.tiers.length);
    }
    if (now != Long.MIN_VALUE) {
      read.advanceTo(now);
    }
    for (Tier tier : read.tiers) {
      long resolution = in.readLong();
      int capacity = in.readInt();
      if (resolution != tier.resolutionMillis() || capacity != tier.ring().capacity()) {
        throw new IOException("snapshot tier of " + capacity + " x " + resolution + " ms for window " + window
            + " does not match this collector's " + tier.ring().capacity() + " x " + tier.resolutionMillis() + " ms");
      }
      tier.ring().readBuckets(in);
    }
    return read;
  }

  private Tier coarsest() {
    return tiers[tiers.length - 1];
  }

  /** Receives the buckets of {@link #forEach}: start and length in epoch millis, and their counts. */
  @FunctionalInterface
  interface SpanVisitor {
    void visit(long startMillis, long resolutionMillis, long good, long total);
  }
}
