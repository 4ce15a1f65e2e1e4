package io.meshwatch.collector.descriptor;

import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code slos} list of a descriptor. */
final class SloReader {

  static final List<String> FIELDS = List.of("name", "sli", "threshold", "objective", "window");
  private static final List<String> ROW_BAND = List.of("min", "max");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
  private static final Duration MIN_WINDOW = Duration.ofMinutes(5);

  private SloReader() {}

  /** The SLOs that read without errors; each problem is recorded. */
  static List<SloSpec> read(YamlMap product) {
    List<SloSpec> slos = new ArrayList<>();
    Map<String, Integer> lineByName = new HashMap<>();
    List<Node> items = product.list("slos");
    for (int i = 0; i < items.size(); i++) {
      YamlMap slo = product.map(items.get(i), product.field("slos") + "[" + i + "]");
      if (slo == null) {
        continue;
      }
      String name = slo.value("name", true, "a name", SloReader::name);
      if (name != null) {
        Integer first = lineByName.putIfAbsent(name, slo.line("name"));
        if (first != null) {
          slo.problems().error(slo.line("name"), slo.field("name"), "SLO '" + name + "' is already declared on line " + first);
        }
      }
      SloSpec spec = read(slo, name);
      if (spec != null) {
        slos.add(spec);
      }
    }
    return slos;
  }

  private static @Nullable SloSpec read(YamlMap slo, @Nullable String name) {
    int errorsBefore = slo.problems().errorCount();
    slo.allowOnly(FIELDS);
    SliKind kind = slo.value("sli", true, "an SLI kind", SloReader::kind);
    Threshold threshold = kind == null ? null : threshold(slo, kind);
    Double objective = slo.value("objective", true, "a percentage", SloReader::objective);
    Duration window = slo.value("window", true, "a duration", SloReader::window);
    if (slo.problems().errorCount() > errorsBefore || name == null || kind == null || objective == null || window == null) {
      return null;
    }
    try {
      return new SloSpec(name, kind, threshold, objective, window);
    } catch (IllegalArgumentException e) {
      slo.problems().error(slo.line(), slo.path(), e.getMessage());
      return null;
    }
  }

  private static @Nullable Threshold threshold(YamlMap slo, SliKind kind) {
    Node node = slo.node("threshold");
    boolean absent = node == null || YamlMap.isNull(node);
    String field = slo.field("threshold");
    switch (kind) {
      case FRESHNESS -> {
        if (absent) {
          slo.problems().error(slo.line("threshold"), field, "an SLO of sli freshness needs a threshold, a maximum age such as 1h");
          return null;
        }
        return slo.value("threshold", true, "a duration", SloReader::maxAge);
      }
      case VOLUME -> {
        YamlMap band = absent ? null : slo.map("threshold");
        if (band == null) {
          if (absent) {
            slo.problems().error(slo.line("threshold"), field, "an SLO of sli volume needs a threshold, rows per run as {min: 1000, max: 50000}");
          }
          return null;
        }
        band.allowOnly(ROW_BAND);
        Long min = band.value("min", true, "a whole number of rows", SloReader::rows);
        Long max = band.value("max", true, "a whole number of rows", SloReader::rows);
        if (min == null || max == null) {
          return null;
        }
        if (max < min) {
          slo.problems().error(band.line("max"), band.field("max"), "must not be below min (" + min + "), got " + max);
          return null;
        }
        return new Threshold.RowBand(min, max);
      }
      default -> {
        if (!absent) {
          slo.problems().error(slo.line("threshold"), field, "an SLO of sli " + kind.label() + " takes no threshold");
        }
        return null;
      }
    }
  }

  private static SliKind kind(String text) {
    for (SliKind kind : SliKind.values()) {
      if (kind.label().equals(text)) {
        return kind;
      }
    }
    List<String> labels = Arrays.stream(SliKind.values()).map(SliKind::label).toList();
    String hint = Suggestion.closest(text, labels).map(label -> " (did you mean '" + label + "'?)").orElse("");
    throw new IllegalArgumentException("must be one of " + SliKind.labels() + ", got '" + text + "'" + hint);
  }

  private static Threshold maxAge(String text) {
    Duration maxAge = DurationText.parse(text);
    if (maxAge.isZero()) {
      throw new IllegalArgumentException("must be a duration above zero, got '" + text + "'");
    }
    return new Threshold.MaxAge(maxAge);
  }

  private static String name(String text) {
    if (!NAME.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be lower-case letters, digits, '-' or '_', starting with a letter, got '" + text + "'");
    }
    return text;
  }

  private static double objective(String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a percentage such as 99.5, got '" + text + "'");
    }
    if (!(value > 0 && value < 100)) {
      throw new IllegalArgumentException("must be above 0 and below 100, got " + text);
    }
    return value;
  }

  private static Duration window(String text) {
    Duration window = DurationText.parse(text);
    if (window.compareTo(MIN_WINDOW) < 0) {
      throw new IllegalArgumentException("must be at least 5m, got " + text);
    }
    return window;
  }

  private static long rows(String text) {
    try {
      long rows = Long.parseLong(text.replace("_", ""));
      if (rows >= 0) {
        return rows;
      }
    } catch (NumberFormatException e) {
      // reported below, with the text as written
    }
    throw new IllegalArgumentException("must be a whole number of rows, 0 or more, got '" + text + "'");
  }
}
