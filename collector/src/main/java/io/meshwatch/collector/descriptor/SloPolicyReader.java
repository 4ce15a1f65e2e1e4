package io.meshwatch.collector.descriptor;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.Severity;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads how an SLO is judged beyond its objective: {@code exclude}, {@code alerting} and {@code minHistory}. */
final class SloPolicyReader {

  private static final List<String> EXCLUSION_FIELDS = List.of("reason", "start", "end");
  private static final List<String> CONDITION_FIELDS = List.of("severity", "longWindow", "shortWindow", "budgetConsumed");

  private SloPolicyReader() {}

  static List<Exclusion> exclusions(YamlMap slo) {
    List<Exclusion> out = new ArrayList<>();
    List<Node> items = slo.list("exclude");
    for (int i = 0; i < items.size(); i++) {
      YamlMap item = slo.map(items.get(i), slo.field("exclude") + "[" + i + "]");
      if (item == null) {
        continue;
      }
      item.allowOnly(EXCLUSION_FIELDS);
      String reason = item.requiredString("reason");
      Instant start = item.value("start", true, "a UTC time such as 2026-12-24T00:00:00Z", SloPolicyReader::instant);
      Instant end = item.value("end", true, "a UTC time such as 2026-12-27T00:00:00Z", SloPolicyReader::instant);
      if (start != null && end != null && !end.isAfter(start)) {
        item.problems().error(item.line("end"), item.field("end"), "must be after start (" + start + "), got " + end);
      } else if (reason != null && start != null && end != null) {
        out.add(new Exclusion(reason, start, end));
      }
    }
    return out;
  }

  /** The declared conditions, or the SRE workbook's that fit {@code window} when none are declared. */
  static List<BurnCondition> conditions(YamlMap slo, @Nullable SloWindow window) {
    if (!slo.has("alerting")) {
      return window == null ? List.of() : SloSpec.defaultConditions(window);
    }
    List<BurnCondition> out = new ArrayList<>();
    List<Node> items = slo.list("alerting");
    if (items.isEmpty() && !(slo.node("alerting") instanceof SequenceNode list && !list.getValue().isEmpty())) {
      slo.problems().error(slo.line("alerting"), slo.field("alerting"),
          "must list at least one condition, or be left out for the SRE workbook's defaults");
    }
    for (int i = 0; i < items.size(); i++) {
      YamlMap item = slo.map(items.get(i), slo.field("alerting") + "[" + i + "]");
      if (item != null) {
        BurnCondition condition = condition(item, window);
        if (condition != null) {
          out.add(condition);
        }
      }
    }
    return out;
  }

  static @Nullable Duration minHistory(YamlMap slo, @Nullable SloWindow window) {
    if (!slo.has("minHistory")) {
      return window == null ? null : SloSpec.defaultMinHistory(window);
    }
    return slo.value("minHistory", true, "a duration", DurationText::parse);
  }

  private static @Nullable BurnCondition condition(YamlMap item, @Nullable SloWindow window) {
    int errorsBefore = item.problems().errorCount();
    item.allowOnly(CONDITION_FIELDS);
    Severity severity = item.value("severity", true, "page or ticket", SloPolicyReader::severity);
    Duration longWindow = item.value("longWindow", true, "a duration", DurationText::parse);
    Duration shortWindow = item.value("shortWindow", true, "a duration", DurationText::parse);
    Double percent = item.value("budgetConsumed", true, "a percentage of the error budget such as 2%", SloPolicyReader::percent);
    Double share = percent == null ? null : percent / 100.0;
    if (item.problems().errorCount() > errorsBefore || severity == null || longWindow == null
        || shortWindow == null || share == null) {
      return null;
    }
    if (window != null && longWindow.compareTo(window.longest()) > 0) {
      item.problems().error(item.line("longWindow"), item.field("longWindow"),
          "must not look back further than the SLO window " + window.label() + ", got " + DurationText.format(longWindow));
      return null;
    }
    try {
      return new BurnCondition(severity, longWindow, shortWindow, share);
    } catch (IllegalArgumentException e) {
      item.problems().error(item.line(), item.path(), e.getMessage());
      return null;
    }
  }

  private static Severity severity(String text) {
    return switch (text) {
      case "page" -> Severity.PAGE;
      case "ticket" -> Severity.TICKET;
      default -> throw new IllegalArgumentException("must be page or ticket, got '" + text + "'");
    };
  }

  /** A percentage such as {@code 2%}; its bound (above 0, at most 100) is the table's. */
  private static double percent(String text) {
    String number = text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : null;
    try {
      if (number != null) {
        return Double.parseDouble(number);
      }
    } catch (NumberFormatException e) {
      // reported below, with the text as written
    }
    throw new IllegalArgumentException(
        "must be a percentage of the error budget above 0% and at most 100%, such as 2%, got '" + text + "'");
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a UTC time such as 2026-12-24T00:00:00Z, got '" + text + "'");
    }
  }
}
