package io.meshwatch.collector.baseline;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Which hours of the week saw an update in each of the last {@value #WEEKS} weeks: one byte per hour
 * of the week, bit {@code i} set when that hour had an update {@code i} weeks before the latest one.
 * From it, the hours that stay consistently quiet and the long runs of them that are expected silences.
 */
final class WeeklyActivity {

  static final int WEEKS = 8;
  static final Duration MIN_SPAN = Duration.ofDays(14);
  /** A quiet run shorter than this is left to the interval quantile. */
  static final int MIN_SILENCE_HOURS = 3;

  private final ZoneId zone;
  private final byte[] weeksSeen = new byte[SilenceCalendar.SLOTS];
  private boolean empty = true;
  private Instant first = Instant.EPOCH;
  private Instant last = Instant.EPOCH;
  private long firstWeek;
  private int firstSlot;
  private long lastWeek;
  private int lastSlot;

  WeeklyActivity(ZoneId zone) {
    this.zone = zone;
  }

  /** Records an update; callers pass updates in increasing time order. */
  void record(Instant t) {
    long week = SilenceCalendar.weekOf(t, zone);
    int slot = SilenceCalendar.slotOf(t, zone);
    if (empty) {
      empty = false;
      first = t;
      firstWeek = week;
      firstSlot = slot;
    } else if (week > lastWeek) {
      long shift = week - lastWeek;
      for (int i = 0; i < weeksSeen.length; i++) {
        weeksSeen[i] = shift >= WEEKS ? 0 : (byte) ((weeksSeen[i] & 0xFF) << shift);
      }
    }
    weeksSeen[slot] |= 1;
    last = t;
    lastWeek = week;
    lastSlot = slot;
  }

  /** Time between the first and the latest update. */
  Duration span() {
    return empty ? Duration.ZERO : Duration.between(first, last);
  }

  /**
   * The expected silences: runs of consecutive quiet hours (seen in ≥ 2 weeks, updated in under a
   * fifth of them) at least {@value #MIN_SILENCE_HOURS} h long and longer than twice the typical
   * interval, so that the ordinary gaps between updates stay with the quantile. None before two weeks.
   */
  SilenceCalendar silences(Duration typicalInterval) {
    boolean[] silent = new boolean[SilenceCalendar.SLOTS];
    if (empty || span().compareTo(MIN_SPAN) < 0) {
      return SilenceCalendar.none(zone);
    }
    boolean[] quiet = new boolean[SilenceCalendar.SLOTS];
    int anchor = -1;
    for (int slot = 0; slot < quiet.length; slot++) {
      int covered = coveredWeeks(slot);
      int hits = Integer.bitCount(weeksSeen[slot] & 0xFF);
      quiet[slot] = covered >= 2 && hits * 5 < covered;
      if (!quiet[slot]) {
        anchor = slot;
      }
    }
    if (anchor < 0) {
      return SilenceCalendar.none(zone);
    }
    long minHours = Math.max(MIN_SILENCE_HOURS, typicalInterval.multipliedBy(2).toHours() + 1);
    int runStart = -1;
    // Walk the week once, starting after a busy hour, so that runs wrapping Sunday→Monday stay whole.
    for (int step = 1; step <= quiet.length; step++) {
      int slot = (anchor + step) % quiet.length;
      if (quiet[slot] && runStart < 0) {
        runStart = step;
      } else if (!quiet[slot] && runStart >= 0) {
        if (step - runStart >= minHours) {
          for (int s = runStart; s < step; s++) {
            silent[(anchor + s) % quiet.length] = true;
          }
        }
        runStart = -1;
      }
    }
    return new SilenceCalendar(zone, silent);
  }

  /** How many of the last {@value #WEEKS} weeks' occurrences of {@code slot} lie within the history. */
  private int coveredWeeks(int slot) {
    int covered = 0;
    for (long week = Math.max(firstWeek, lastWeek - WEEKS + 1); week <= lastWeek; week++) {
      boolean afterFirst = week > firstWeek || slot >= firstSlot;
      boolean beforeLast = week < lastWeek || slot <= lastSlot;
      if (afterFirst && beforeLast) {
        covered++;
      }
    }
    return covered;
  }

  void writeTo(DataOutput out) throws IOException {
    out.writeBoolean(empty);
    out.writeLong(first.toEpochMilli());
    out.writeLong(last.toEpochMilli());
    out.write(weeksSeen);
  }

  static WeeklyActivity readFrom(DataInput in, ZoneId zone) throws IOException {
    WeeklyActivity activity = new WeeklyActivity(zone);
    boolean empty = in.readBoolean();
    Instant first = Instant.ofEpochMilli(in.readLong());
    Instant last = Instant.ofEpochMilli(in.readLong());
    in.readFully(activity.weeksSeen);
    if (!empty) {
      if (last.isBefore(first)) {
        throw new IOException("weekly activity ends before it starts: " + first + " > " + last);
      }
      activity.empty = false;
      activity.first = first;
      activity.firstWeek = SilenceCalendar.weekOf(first, zone);
      activity.firstSlot = SilenceCalendar.slotOf(first, zone);
      activity.last = last;
      activity.lastWeek = SilenceCalendar.weekOf(last, zone);
      activity.lastSlot = SilenceCalendar.slotOf(last, zone);
    }
    return activity;
  }
}
