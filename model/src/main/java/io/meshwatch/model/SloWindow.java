package io.meshwatch.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The time an SLO is measured over: a rolling window ending now, or the calendar period (week, month,
 * quarter in a time zone) that holds now.
 *
 * <pre>{@code
 * SloWindow.rolling(Duration.ofDays(28));
 * new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"));
 * }</pre>
 */
public sealed interface SloWindow {

  /** A rolling window of {@code length}. */
  static SloWindow rolling(Duration length) {
    return new Rolling(length);
  }

  /** The window as it stands at {@code now}; a calendar window's span ends in the future. */
  WindowSpan spanAt(Instant now);

  /** The longest span this window can cover: how much history the SLO needs kept. */
  Duration longest();

  /** How the window is written in descriptors and APIs, e.g. {@code 28d} or {@code month}. */
  String label();

  /** The last {@code length} up to now. */
  record Rolling(Duration length) implements SloWindow {
    public Rolling {
      if (length == null || length.compareTo(Duration.ofMinutes(5)) < 0) {
        throw new IllegalArgumentException("a rolling SLO window must be at least 5m, got " + length);
      }
    }

    @Override
    public WindowSpan spanAt(Instant now) {
      return new WindowSpan(now.minus(length), now);
    }

    @Override
    public Duration longest() {
      return length;
    }

    @Override
    public String label() {
      return DurationLabel.of(length);
    }
  }

  /** The calendar {@code period} holding now, with days starting at midnight in {@code zone}. */
  record Calendar(CalendarPeriod period, ZoneId zone) implements SloWindow {
    public Calendar {
      if (period == null || zone == null) {
        throw new IllegalArgumentException("a calendar SLO window needs a period and a time zone");
      }
    }

    @Override
    public WindowSpan spanAt(Instant now) {
      ZonedDateTime start = period.start(now.atZone(zone));
      return new WindowSpan(start.toInstant(), period.next(start).toInstant());
    }

    @Override
    public Duration longest() {
      return period.longest();
    }

    @Override
    public String label() {
      return period.label();
    }
  }
}
