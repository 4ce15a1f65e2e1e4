package io.meshwatch.collector.descriptor;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code slos} list of a descriptor. */
final class SloReader {

  static final List<String> FIELDS =
      List.of("name", "sli", "threshold", "objective", "window", "timeZone", "exclude", "alerting", "minHistory");
  private static final List<String> ROW_BAND = List.of("min", "max");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

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
    SliKind kind = slo.value("sli", true, "an SLI kind", SloFieldText::kind);
    Threshold threshold = kind == null ? null : threshold(slo, kind);
    Double objective = slo.value("objective", true, "a percentage", SloReader::objective);
    SloWindow window = SloWindowReader.read(slo);
    List<Exclusion> exclusions = SloPolicyReader.exclusions(slo);
    List<BurnCondition> conditions = SloPolicyReader.conditions(slo, window);
    Duration minHistory = SloPolicyReader.minHistory(slo, window);
    if (slo.problems().errorCount() > errorsBefore || name == null || kind == null || objective == null
        || window == null || minHistory == null) {
      return null;
    }
    try {
      return new SloSpec(name, kind, threshold, objective, window, exclusions, conditions, minHistory);
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
        // Left out, the cadence is learned from the intervals between updates.
        Duration maxAge = absent ? null : slo.value("threshold", true, "a duration", SloReader::maxAge);
        return maxAge == null ? null : new Threshold.MaxAge(maxAge);
      }
      case VOLUME -> {
        // Left out, the band is learned from the rows of past runs.
        YamlMap band = absent ? null : slo.map("threshold");
        if (band == null) {
          return null;
        }
        band.allowOnly(ROW_BAND);
        Long min = band.value("min", true, "a whole number of rows", SloFieldText::rows);
        Long max = band.value("max", true, "a whole number of rows", SloFieldText::rows);
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



  private static Duration maxAge(String text) {
    Duration maxAge = DurationText.parse(text);
    if (maxAge.isZero()) {
      throw new IllegalArgumentException("must be a duration above zero, got '" + text + "'");
    }
    return maxAge;
  }

  private static String name(String text) {
    if (!NAME.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be lower-case letters, digits, '-' or '_', starting with a letter, got '" + text + "'");
    }
    return text;
  }

  /** A percentage; its bound (above 0, below 100) is the table's. */
  private static double objective(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a percentage such as 99.5, got '" + text + "'");
    }
  }
}
