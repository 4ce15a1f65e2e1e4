package io.meshwatch.collector.baseline;

import io.meshwatch.model.LearnedBaseline.FreshnessCadence;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Learns how often a product's data is updated and says when an update is overdue.
 *
 * <p>It keeps the last {@value #CAPACITY} update times (so the last 500 intervals) and, per hour of
 * the week in a zone, which of the last 8 weeks saw an update ({@link WeeklyActivity}). Data is late
 * once its age passes the p95 of the intervals plus a margin of max(50 % of it, 15 min). After two
 * weeks of history, long runs of consistently quiet hours (a weekend, a night) become expected
 * silences: the cadence is then <em>weekly</em>, intervals are measured from the end of the silence
 * they span, and a deadline that runs into a silence starts again when the silence ends. Nothing is
 * judged before {@value #MIN_INTERVALS} intervals over at least a day. Memory is fixed (about 4.5 KiB)
 * whatever the update rate. Not thread-safe; time comes only from the arguments.
 *
 * <pre>{@code
 * CadenceLearner cadence = new CadenceLearner(ZoneId.of("Europe/Berlin"));
 * cadence.observe(update.dataUpdatedAt());
 * boolean late = cadence.overdue(clock.instant(), lastUpdate);
 * }</pre>
 */
public final class CadenceLearner {

  static final int CAPACITY = 501;
  static final int MIN_INTERVALS = 20;
  static final Duration MIN_SPAN = Duration.ofDays(1);
  static final double QUANTILE = 0.95;
  static final Duration MIN_MARGIN = Duration.ofMinutes(15);
  private static final byte VERSION = 1;

  private final ZoneId zone;
  private final long[] updates = new long[CAPACITY];
  private final WeeklyActivity activity;
  private int oldest;
  private int size;
  private long intervals;
  private @Nullable Fit fit;

  /** A learner whose weekly slots are hours in UTC. */
  public CadenceLearner() {
    this(ZoneOffset.UTC);
  }

  /** A learner whose weekly slots are hours in {@code zone} (the product's working time zone). */
  public CadenceLearner(ZoneId zone) {
    this(zone, new WeeklyActivity(zone));
  }

  private CadenceLearner(ZoneId zone, WeeklyActivity activity) {
    this.zone = zone;
    this.activity = activity;
  }

  /**
   * Records that the data was updated at {@code dataUpdatedAt}; repeats and older times are ignored.
   * Times are kept to the millisecond (what {@link #writeTo} keeps), so a learner read back from its
   * written form judges exactly as the one that wrote it.
   */
  public void observe(Instant dataUpdatedAt) {
    long millis = dataUpdatedAt.toEpochMilli();
    if (size > 0 && millis <= updates[index(size - 1)]) {
      return;
    }
    if (size == CAPACITY) {
      updates[oldest] = millis;
      oldest = (oldest + 1) % CAPACITY;
    } else {
      updates[index(size)] = millis;
      size++;
    }
    if (size > 1) {
      intervals++;
    }
    activity.record(Instant.ofEpochMilli(millis));
    fit = null;
  }

  /** Whether, at {@code now}, data last updated at {@code lastUpdate} is late; false until ready. */
  public boolean overdue(Instant now, Instant lastUpdate) {
    Instant deadline = deadline(lastUpdate);
    return deadline != null && now.isAfter(deadline);
  }

  /**
   * When data last updated at {@code lastUpdate} becomes late ({@link #overdue} is true after it), or
   * {@code null} before the baseline is ready. It depends only on what was observed, not on the time
   * asked: a caller judging many instants for one update computes it once.
   */
  public @Nullable Instant deadline(Instant lastUpdate) {
    if (!ready()) {
      return null;
    }
    Fit current = fit();
    return current.calendar().deadline(lastUpdate, current.threshold());
  }

  /** The zone whose hours of the week the weekly cadence is learned in. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * What was learned, as the API shows it at {@code now} for data last updated at {@code lastUpdate}.
   * {@code overdueAfter} is null before the baseline is ready and inside an expected silence (unless
   * the data was already late when it began). While the history spans under a day, {@code minSamples}
   * reads one more than {@code samples}, so that {@code ready()} tells the truth.
   */
  public FreshnessCadence baselineAt(Instant now, Instant lastUpdate) {
    Fit current = fit();
    int samples = (int) Math.min(intervals, Integer.MAX_VALUE - 1);
    boolean ready = ready();
    int minSamples = ready || samples < MIN_INTERVALS ? MIN_INTERVALS : samples + 1;
    Duration overdueAfter = null;
    if (ready) {
      Instant deadline = current.calendar().deadline(lastUpdate, current.threshold());
      if (!current.calendar().silentAt(now) || now.isAfter(deadline)) {
        overdueAfter = Duration.between(lastUpdate, deadline);
      }
    }
    return new FreshnessCadence(current.typical(), overdueAfter, current.calendar().any(), samples, minSamples);
  }

  private boolean ready() {
    return intervals >= MIN_INTERVALS && activity.span().compareTo(MIN_SPAN) >= 0;
  }

  private Fit fit() {
    Fit current = fit;
    if (current == null) {
      current = refit();
      fit = current;
    }
    return current;
  }

  private Fit refit() {
    int n = size - 1;
    if (n < 1) {
      return new Fit(Duration.ZERO, Duration.ZERO, SilenceCalendar.none(zone));
    }
    long[] wall = new long[n];
    for (int i = 0; i < n; i++) {
      wall[i] = updates[index(i + 1)] - updates[index(i)];
    }
    long[] sortedWall = wall.clone();
    Arrays.sort(sortedWall);
    SilenceCalendar calendar = activity.silences(Duration.ofMillis(quantile(sortedWall, 0.5)));
    long[] effective = sortedWall;
    if (calendar.any()) {
      effective = new long[n];
      for (int i = 0; i < n; i++) {
        Instant from = Instant.ofEpochMilli(updates[index(i)]);
        Instant to = Instant.ofEpochMilli(updates[index(i + 1)]);
        effective[i] = calendar.effectiveInterval(from, to).toMillis();
      }
      Arrays.sort(effective);
    }
    long high = quantile(effective, QUANTILE);
    long margin = Math.max(high / 2, MIN_MARGIN.toMillis());
    return new Fit(Duration.ofMillis(quantile(effective, 0.5)), Duration.ofMillis(high + margin), calendar);
  }

  /** Nearest-rank quantile of sorted values. */
  private static long quantile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  private int index(int age) {
    return (oldest + age) % CAPACITY;
  }

  /** Writes the learner in a compact versioned form (about 4.2 KiB when full). */
  public void writeTo(DataOutput out) throws IOException {
    out.writeByte(VERSION);
    out.writeUTF(zone.getId());
    out.writeLong(intervals);
    out.writeShort(size);
    for (int i = 0; i < size; i++) {
      out.writeLong(updates[index(i)]);
    }
    activity.writeTo(out);
  }

  /** Reads a learner written by {@link #writeTo}; a bad version or content fails with the reason. */
  public static CadenceLearner readFrom(DataInput in) throws IOException {
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IOException("unsupported cadence baseline version " + version + ", expected " + VERSION);
    }
    ZoneId zone;
    String zoneId = in.readUTF();
    try {
      zone = ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw new IOException("cadence baseline has an unknown zone '" + zoneId + "'", e);
    }
    long intervals = in.readLong();
    int size = in.readUnsignedShort();
    if (size > CAPACITY || intervals < Math.max(0, size - 1)) {
      throw new IOException("cadence baseline holds " + size + " updates and " + intervals + " intervals");
    }
    long[] updates = new long[size];
    for (int i = 0; i < size; i++) {
      updates[i] = in.readLong();
      if (i > 0 && updates[i] <= updates[i - 1]) {
        throw new IOException("cadence baseline updates are not in increasing order at " + i);
      }
    }
    CadenceLearner learner = new CadenceLearner(zone, WeeklyActivity.readFrom(in, zone));
    System.arraycopy(updates, 0, learner.updates, 0, size);
    learner.size = size;
    learner.intervals = intervals;
    return learner;
  }

  /** Memory use check for tests: the number of update times the ring can hold. */
  int ringLength() {
    return updates.length;
  }

  private record Fit(Duration typical, Duration threshold, SilenceCalendar calendar) {}
}
