package io.meshwatch.collector.descriptor;

import io.meshwatch.model.CalendarPeriod;
import io.meshwatch.model.SloWindow;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Reads an SLO's {@code window} (a rolling duration, or {@code week}, {@code month}, {@code quarter}) and {@code timeZone}. */
final class SloWindowReader {

  private SloWindowReader() {}

  static @Nullable SloWindow read(YamlMap slo) {
    String text = slo.value("window", true, "a duration or week, month, quarter", s -> s);
    if (text == null) {
      return null;
    }
    CalendarPeriod period = calendar(text);
    if (period == null) {
      if (slo.has("timeZone")) {
        slo.problems().error(slo.line("timeZone"), slo.field("timeZone"),
            "only a calendar window (week, month, quarter) takes a time zone; window " + text + " is rolling");
      }
      Duration length = slo.value("window", true, "a duration or week, month, quarter", SloWindowReader::rolling);
      return length == null ? null : SloWindow.rolling(length);
    }
    ZoneId zone = slo.has("timeZone") ? slo.value("timeZone", true, "a time zone", SloWindowReader::zone) : ZoneOffset.UTC;
    return zone == null ? null : new SloWindow.Calendar(period, zone);
  }

  private static @Nullable CalendarPeriod calendar(String text) {
    for (CalendarPeriod period : CalendarPeriod.values()) {
      if (period.label().equals(text)) {
        return period;
      }
    }
    return null;
  }

  /** A rolling window's length; its bound (5m to 366d) is the table's. */
  private static Duration rolling(String text) {
    try {
      return DurationText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be a rolling duration such as 28d or a calendar period week, month or quarter, got '" + text + "'");
    }
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("must be a time zone such as UTC or Europe/Berlin, got '" + text + "'");
    }
  }
}
