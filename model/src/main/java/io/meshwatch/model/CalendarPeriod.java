package io.meshwatch.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** A calendar-aligned SLO window: the week (from Monday), month or quarter that holds an instant. */
public enum CalendarPeriod {
  WEEK,
  MONTH,
  QUARTER;

  /** The name used in descriptors and APIs, e.g. {@code month}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The first instant of the period holding {@code time} in {@code zone}. */
  ZonedDateTime start(ZonedDateTime time) {
    ZonedDateTime day = time.toLocalDate().atStartOfDay(time.getZone());
    return switch (this) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toLocalDate().atStartOfDay(time.getZone());
      case MONTH -> day.withDayOfMonth(1).toLocalDate().atStartOfDay(time.getZone());
      case QUARTER -> day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1)
          .toLocalDate().atStartOfDay(time.getZone());
    };
  }

  /** The first instant of the period after the one starting at {@code start}. */
  ZonedDateTime next(ZonedDateTime start) {
    ZonedDateTime next = switch (this) {
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case QUARTER -> start.plusMonths(3);
    };
    return next.toLocalDate().atStartOfDay(start.getZone());
  }

  /** The longest this period can last (a 31-day month, a 92-day quarter, a week with a DST hour). */
  Duration longest() {
    return switch (this) {
      case WEEK -> Duration.ofDays(7).plusHours(1);
      case MONTH -> Duration.ofDays(31).plusHours(1);
      case QUARTER -> Duration.ofDays(92).plusHours(1);
    };
  }

  /**
   * The period named {@code label}.
   *
   * @throws IllegalArgumentException listing the known periods
   */
  public static CalendarPeriod fromLabel(String label) {
    for (CalendarPeriod period : values()) {
      if (period.label().equals(label)) {
        return period;
      }
    }
    throw new IllegalArgumentException("unknown calendar period '" + label + "', expected week, month or quarter");
  }
}
