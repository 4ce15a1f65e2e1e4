package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.YamlMap;
import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.Violation;
import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.DurationLabel;
import io.meshwatch.model.SloWindow;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an SLO's {@code timeWindow}: a rolling window of minutes to weeks, or a calendar week, month or
 * quarter in a time zone.
 */
final class WindowReader {

  private static final List<String> FIELDS = List.of("duration", "isRolling", "calendar");
  private static final List<String> CALENDAR = List.of("startTime", "timeZone");
  private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  private WindowReader() {}

  /** The window of {@code slo}'s spec, or {@code null} after recording every problem. */
  static @Nullable SloWindow read(YamlMap slo) {
    Problems problems = slo.problems();
    List<Node> items = slo.list("timeWindow");
    String field = slo.field("timeWindow");
    if (items.size() != 1) {
      problems.error(slo.line("timeWindow"), field, items.isEmpty()
          ? "is required: meshwatch needs the window an SLO is measured over, e.g. [{duration: 28d, isRolling: true}]"
          : "takes exactly one window, got " + items.size());
      return null;
    }
    YamlMap window = slo.map(items.get(0), field + "[0]");
    if (window == null) {
      return null;
    }
    window.allowOnly(FIELDS);
    Shorthand duration = window.value("duration", true, "a duration", Shorthand::parse);
    Boolean rolling = window.value("isRolling", false, "true or false", AlertReader::bool);
    YamlMap calendar = window.map("calendar");
    if (duration == null || (rolling == null && !window.has("calendar"))) {
      if (duration != null) {
        problems.error(window.line(), window.field("isRolling"), "is required without a calendar: say isRolling: true "
            + "for a rolling window, or give a calendar with its timeZone");
      }
      return null;
    }
    return rolling == null || !rolling ? calendar(window, duration, calendar) : rolling(window, duration);
  }

  private static @Nullable SloWindow rolling(YamlMap window, Shorthand duration) {
    Problems problems = window.problems();
    if (window.has("calendar")) {
      problems.error(window.line("calendar"), window.field("calendar"), "a rolling window (isRolling: true) takes no calendar");
      return null;
    }
    Duration length = duration.fixed();
    if (length == null) {
      problems.error(window.line("duration"), window.field("duration"), "a rolling window must be in m, h, d or w (such as "
          + "28d or 4w), got '" + duration.text() + "': it has no fixed length; for a calendar period say isRolling: false "
          + "and give a calendar");
      return null;
    }
    Violation violation = ((Bound.Span) window.bound("duration")).check(length, duration.text());
    if (violation != null) {
      problems.error(window.line("duration"), window.field("duration"), "a rolling window " + violation.message());
      return null;
    }
    return SloWindow.rolling(length);
  }

  private static @Nullable SloWindow calendar(YamlMap window, Shorthand duration, @Nullable YamlMap calendar) {
    Problems problems = window.problems();
    if (calendar == null) {
      problems.error(window.line(), window.field("calendar"), "is required for a calendar window (isRolling: false), "
          + "with its timeZone, e.g. {timeZone: Europe/Berlin}");
      return null;
    }
    calendar.allowOnly(CALENDAR);
    ZoneId zone = calendar.value("timeZone", true, "a time zone", WindowReader::zone);
    LocalDateTime start = calendar.value("startTime", false, "a date and time", WindowReader::start);
    CalendarPeriod period = duration.period();
    if (period == null) {
      problems.error(window.line("duration"), window.field("duration"), "calendar window '" + duration.text()
          + "' is not supported; meshwatch's calendar windows are 1w (weeks from Monday), 1M (months) or 1Q (quarters)");
      return null;
    }
    if (zone == null) {
      return null;
    }
    if (start != null && !aligned(start, period)) {
      problems.warning(calendar.line("startTime"), calendar.field("startTime"), "meshwatch's " + period.label()
          + "s start at 00:00 on " + firstDay(period) + " in " + zone + ", not at " + START.format(start)
          + "; the window follows those starts");
    }
    return new SloWindow.Calendar(period, zone);
  }

  private static boolean aligned(LocalDateTime start, CalendarPeriod period) {
    boolean midnight = start.toLocalTime().equals(LocalTime.MIDNIGHT);
    return midnight && switch (period) {
      case WEEK -> start.getDayOfWeek() == DayOfWeek.MONDAY;
      case MONTH -> start.getDayOfMonth() == 1;
      case QUARTER -> start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0;
    };
  }

  private static String firstDay(CalendarPeriod period) {
    return switch (period) {
      case WEEK -> "Monday";
      case MONTH -> "the first of the month";
      case QUARTER -> "the first of January, April, July and October";
    };
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("must be a time zone of the IANA database such as Europe/Berlin or UTC, got '"
          + text + "'");
    }
  }

  private static LocalDateTime start(String text) {
    try {
      return LocalDateTime.parse(text.strip().replace('T', ' '), START);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a date and time without zone such as 2024-01-01 00:00:00, got '" + text + "'");
    }
  }

  static String label(Duration duration) {
    return DurationLabel.of(duration);
  }
}
