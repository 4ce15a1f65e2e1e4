package io.meshwatch.collector.baseline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The hours of the week (in a zone) in which a product is expected to be silent, and the time
 * arithmetic that skips them: a deadline that runs into an expected silence starts again, in full,
 * when the silence ends. Immutable.
 */
final class SilenceCalendar {

  static final int SLOTS = 7 * 24;
  private static final Duration WALK = Duration.ofDays(15);

  private final ZoneId zone;
  private final boolean[] silent;
  private final boolean any;

  SilenceCalendar(ZoneId zone, boolean[] silent) {
    if (silent.length != SLOTS) {
      throw new IllegalArgumentException("silent slots must be " + SLOTS + ", got " + silent.length);
    }
    this.zone = zone;
    this.silent = silent.clone();
    boolean found = false;
    for (boolean s : silent) {
      found |= s;
    }
    this.any = found;
  }

  static SilenceCalendar none(ZoneId zone) {
    return new SilenceCalendar(zone, new boolean[SLOTS]);
  }

  /** Hour of the week in {@code zone}: Monday 00:00–00:59 is 0, Sunday 23:00–23:59 is 167. */
  static int slotOf(Instant t, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
  }

  /** Index of the Monday-to-Sunday week containing {@code t} in {@code zone}. */
  static long weekOf(Instant t, ZoneId zone) {
    // Epoch day 0 was a Thursday; shifting by 3 makes weeks start on Monday.
    return Math.floorDiv(LocalDate.ofInstant(t, zone).toEpochDay() + 3, 7);
  }

  /** Whether any hour of the week is an expected silence (the cadence is weekly). */
  boolean any() {
    return any;
  }

  boolean silentAt(Instant t) {
    return any && silent[slotOf(t, zone)];
  }

  /**
   * When data last updated at {@code last} becomes late, given the allowed age {@code threshold}
   * outside expected silences. A silence that starts before the deadline restarts the allowance at its
   * end; one that starts after it changes nothing (late data stays late through a weekend).
   */
  Instant deadline(Instant last, Duration threshold) {
    Instant start = last;
    // Each turn skips one silence; a week has at most 84 of them, so this bounds the walk to 2 weeks.
    for (int turn = 0; turn < SLOTS; turn++) {
      Instant due = start.plus(threshold);
      Instant silence = silenceStartIn(start, due);
      if (silence == null) {
        return due;
      }
      start = silenceEnd(silence);
    }
    return start.plus(threshold);
  }

  /**
   * The interval between two updates as the deadline sees it: measured from the end of the last
   * silence in between; an update that arrives inside a silence counts the time up to that silence.
   */
  Duration effectiveInterval(Instant from, Instant to) {
    // Only the last silence before `to` matters, and the last 15 days hold one (every 8 days hold each
    // slot of the week, 7 more days the silence that ends last): a walk from there ends where one from
    // `from` would, without walking hour by hour through a gap of years.
    Instant start = any && Duration.between(from, to).compareTo(WALK) > 0 ? to.minus(WALK) : from;
    while (any && start.isBefore(to)) {
      Instant silence = silenceStartIn(start, to);
      if (silence == null) {
        break;
      }
      Instant end = silenceEnd(silence);
      if (end.isAfter(to)) {
        return Duration.between(start, silence);
      }
      start = end;
    }
    return start.isAfter(to) ? Duration.ZERO : Duration.between(start, to);
  }

  /** The first instant in {@code [from, to)} inside a silence, or null. */
  private @Nullable Instant silenceStartIn(Instant from, Instant to) {
    if (!any) {
      return null;
    }
    for (Instant t = from; t.isBefore(to); t = nextSlotStart(t)) {
      if (silent[slotOf(t, zone)]) {
        return t;
      }
    }
    return null;
  }

  /** The first instant at or after {@code t} outside a silence. */
  private Instant silenceEnd(Instant t) {
    Instant end = t;
    for (int i = 0; i <= SLOTS && silent[slotOf(end, zone)]; i++) {
      end = nextSlotStart(end);
    }
    return end;
  }

  private Instant nextSlotStart(Instant t) {
    // Through ZonedDateTime so that daylight-saving changes and half-hour offsets land on local hours.
    return ZonedDateTime.ofInstant(t, zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
  }
}
