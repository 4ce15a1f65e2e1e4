package io.meshwatch.collector.store;

import io.meshwatch.model.WindowSpan;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@link SliSeries} in memory, downsampled in {@link Tiers}: 1-minute buckets for the last 6 hours,
 * 5-minute buckets for the last 3 days and, for a longer SLO window, 1-hour buckets for the whole
 * window. Every event goes into every tier whose ring still holds its time; every burn window and
 * the SLO window are running sums, so an evaluation reads them in O(1) and only pays for the buckets
 * that left a window since the last call.
 *
 * <p>Heap per SLO once it has seen an event (nothing but the object shells before): each bucket is
 * two ints, 8 bytes. The minute ring is 360 buckets (2,880 bytes), the five-minute ring 864 (6,912
 * bytes), the hour ring {@code ceil(window / 1h)}: 720 for 30 days (5,760 bytes), 2,209 for the
 * longest quarter, 92 days and an hour (17,672 bytes). So a 30-day SLO costs 1,944 buckets, about
 * 15.5 KB plus a few hundred bytes of headers and running sums; a quarter about 27.5 KB; an SLO of 3
 * days or less 9.8 KB ({@link #footprintBytes()} computes it from the array lengths).
 */
final class MemorySliSeries implements SliSeries {

  private static final long MINUTE_MILLIS = 60_000;

  private Duration window;
  private Tiers tiers;
  private static final long SETTLED_MILLIS = 5 * 60_000L;
  private long firstMinute = Long.MAX_VALUE;
  private long version;

  MemorySliSeries(Duration window) {
    this(window, Tiers.forWindow(window));
  }

  private MemorySliSeries(Duration window, Tiers tiers) {
    this.window = window;
    this.tiers = tiers;
  }

  @Override
  public synchronized boolean add(Instant at, long good, long total, Instant now) {
    if (good < 0 || total < good) {
      return false;
    }
    tiers.advanceTo(now.toEpochMilli());
    // A time beyond what epoch milliseconds hold is either later than now or far older than any tier keeps.
    long atMillis = !at.isBefore(now) ? tiers.nowMillis()
        : at.getEpochSecond() <= Long.MIN_VALUE / 1000 ? Long.MIN_VALUE : Math.min(at.toEpochMilli(), tiers.nowMillis());
    boolean kept = tiers.add(atMillis, good, total);
    if (kept && total > 0) {
      firstMinute = Math.min(firstMinute, Math.floorDiv(atMillis, MINUTE_MILLIS));
      if (Math.floorDiv(atMillis, SETTLED_MILLIS) < Math.floorDiv(tiers.nowMillis(), SETTLED_MILLIS)) {
        version++;
      }
    }
    return kept;
  }

  @Override
  public synchronized Counts counts(Duration lookBack, Instant now) {
    tiers.advanceTo(now.toEpochMilli());
    return tiers.counts(lookBack);
  }

  @Override
  public synchronized long version() {
    return version;
  }

  @Override
  public synchronized Duration resolution(Duration lookBack) {
    return tiers.tierFor(lookBack).resolution();
  }

  @Override
  public synchronized Counts counts(WindowSpan span, Instant now) {
    tiers.advanceTo(now.toEpochMilli());
    return tiers.counts(span.start().toEpochMilli(), span.end().toEpochMilli());
  }

  @Override
  public synchronized List<SliBucket> history(WindowSpan span, Duration step, Instant now) {
    tiers.advanceTo(now.toEpochMilli());
    long stepMillis = Math.max(1, step.toMillis());
    List<SliBucket> out = new ArrayList<>();
    // Buckets come oldest first, so the step they fall into never goes back.
    long[] open = {Long.MIN_VALUE, 0, 0};
    tiers.forEach(span.start().toEpochMilli(), span.end().toEpochMilli(), (start, resolution, good, total) -> {
      long stepStart = Math.floorDiv(start, stepMillis) * stepMillis;
      if (stepStart != open[0]) {
        if (open[2] > 0) {
          out.add(new SliBucket(Instant.ofEpochMilli(open[0]), open[1], open[2]));
        }
        open[0] = stepStart;
        open[1] = 0;
        open[2] = 0;
      }
      open[1] += good;
      open[2] += total;
    });
    if (open[2] > 0) {
      out.add(new SliBucket(Instant.ofEpochMilli(open[0]), open[1], open[2]));
    }
    return out;
  }

  @Override
  public synchronized @Nullable Instant firstEvent() {
    return firstMinute == Long.MAX_VALUE ? null : Instant.ofEpochMilli(firstMinute * MINUTE_MILLIS);
  }

  @Override
  public synchronized Duration retention() {
    return tiers.retention();
  }

  /** Makes the series keep {@code newWindow} from now on, keeping the history that still fits. */
  synchronized void resize(Duration newWindow) {
    version++;
    if (newWindow.equals(window)) {
      return;
    }
    Tiers resized = Tiers.forWindow(newWindow);
    resized.copyFrom(tiers);
    window = newWindow;
    tiers = resized;
  }

  /** An estimate of the heap the series retains, from its array lengths (see the class comment). */
  synchronized long footprintBytes() {
    return 32 + tiers.footprintBytes();
  }

  /** Writes the window, the first event and the tiers; {@link #readFrom} reads them back. */
  synchronized void writeTo(DataOutput out) throws IOException {
    out.writeLong(window.getSeconds());
    out.writeInt(window.getNano());
    out.writeLong(firstMinute);
    tiers.writeTo(out);
  }

  static MemorySliSeries readFrom(DataInput in) throws IOException {
    long seconds = in.readLong();
    int nanos = in.readInt();
    if (seconds < 0 || nanos < 0 || nanos > 999_999_999 || (seconds == 0 && nanos == 0)
        || seconds > Duration.ofDays(366 * 100).getSeconds()) {
      throw new IOException("corrupt snapshot: SLO window of " + seconds + " s " + nanos + " ns");
    }
    Duration window = Duration.ofSeconds(seconds, nanos);
    long firstMinute = in.readLong();
    MemorySliSeries read = new MemorySliSeries(window, Tiers.readFrom(window, in));
    read.firstMinute = firstMinute;
    return read;
  }
}
