package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.DurationText;
import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.YamlMap;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.Threshold;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an SLO's {@code objectives}. Each objective becomes one meshwatch SLO: the only one keeps the
 * SLO's name, several are named {@code <slo>-<displayName as a name>} (or {@code <slo>-<n>}, counting
 * from 1, where they have no display name).
 */
final class ObjectiveReader {

  private static final List<String> FIELDS =
      List.of("displayName", "op", "value", "target", "targetPercent", "timeSliceTarget", "timeSliceWindow");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ObjectiveReader() {}

  /** The objectives, or {@code null} after recording every problem. */
  static @Nullable List<Objective> read(YamlMap slo, String name, Indicator indicator, boolean timeslices) {
    Problems problems = slo.problems();
    int errorsBefore = problems.errorCount();
    List<Node> items = slo.list("objectives");
    if (items.isEmpty()) {
      problems.error(slo.line("objectives"), slo.field("objectives"), "needs at least one objective, e.g. [{target: 0.995}]");
      return null;
    }
    if (indicator.thresholdMetric() && items.size() > 1) {
      problems.error(slo.line("objectives"), slo.field("objectives"),
          "an SLO with a thresholdMetric takes exactly one objective, got " + items.size());
      return null;
    }
    List<Objective> objectives = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      YamlMap objective = slo.map(items.get(i), slo.field("objectives") + "[" + i + "]");
      if (objective == null) {
        continue;
      }
      objective.allowOnly(FIELDS);
      Double percent = percent(objective);
      Threshold threshold = indicator.thresholdMetric() ? maxAge(objective) : ratio(objective, indicator);
      timeSlices(objective, timeslices);
      String label = objective.string("displayName");
      String own = items.size() == 1 ? name : name + "-" + (label == null || slug(label).isEmpty() ? i + 1 : slug(label));
      if (percent != null) {
        objectives.add(new Objective(own, percent, threshold));
      }
    }
    return problems.errorCount() > errorsBefore ? null : objectives;
  }

  private static @Nullable Double percent(YamlMap objective) {
    boolean target = objective.has("target");
    if (target == objective.has("targetPercent")) {
      objective.problems().error(objective.line(), objective.path(), target
          ? "give target or targetPercent, not both"
          : "needs target (e.g. 0.995) or targetPercent (e.g. 99.5)");
      return null;
    }
    if (target) {
      Double ratio = objective.value("target", true, "a ratio", text -> number(text, "a ratio such as 0.995 (99.5 %)"));
      return ratio == null ? null : BigDecimal.valueOf(ratio).multiply(HUNDRED).doubleValue();
    }
    return objective.value("targetPercent", true, "a percentage", text -> number(text, "a percentage such as 99.5"));
  }

  /** A number; its bound is the table's. */
  private static double number(String text, String example) {
    try {
      return new BigDecimal(text.strip()).doubleValue();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be " + example + ", got '" + text + "'");
    }
  }

  private static Threshold.@Nullable MaxAge maxAge(YamlMap objective) {
    Problems problems = objective.problems();
    String op = objective.requiredString("op");
    if (op != null && !op.equals("lte") && !op.equals("lt")) {
      problems.error(objective.line("op"), objective.field("op"), "op '" + op + "' cannot be evaluated for freshness: data is "
          + "fresh while its age is at most the value, so op is lte (or lt, the same at meshwatch's one-minute resolution)");
    }
    Duration age = objective.value("value", true, "a maximum age", ObjectiveReader::age);
    return age == null ? null : new Threshold.MaxAge(age);
  }

  private static Threshold.@Nullable RowBand ratio(YamlMap objective, Indicator indicator) {
    if (objective.has("value")) {
      objective.problems().error(objective.line("value"), objective.field("value"), "applies to a thresholdMetric only; "
          + "a ratioMetric SLI compares good to total events" + (indicator.kind() == SliKind.VOLUME
          ? " (a volume's row band is minRows and maxRows on the metric source)" : ""));
    }
    if (objective.has("op")) {
      objective.problems().warning(objective.line("op"), objective.field("op"), "ignored: op applies to a thresholdMetric only");
    }
    return indicator.band();
  }

  private static void timeSlices(YamlMap objective, boolean timeslices) {
    Problems problems = objective.problems();
    for (String key : List.of("timeSliceTarget", "timeSliceWindow")) {
      if (objective.has(key) && !timeslices) {
        problems.error(objective.line(key), objective.field(key), "applies only with budgetingMethod Timeslices or RatioTimeslices");
      }
    }
    if (!timeslices) {
      return;
    }
    Duration window = objective.value("timeSliceWindow", false, "a duration", ObjectiveReader::sliceWindow);
    if (window != null && !window.equals(Duration.ofMinutes(1))) {
      problems.error(objective.line("timeSliceWindow"), objective.field("timeSliceWindow"),
          "meshwatch measures freshness in time slices of 1m, got " + WindowReader.label(window));
    }
    objective.value("timeSliceTarget", false, "a ratio", ObjectiveReader::sliceTarget);
  }

  private static Duration sliceWindow(String text) {
    return text.strip().matches("[0-9]+") ? Duration.ofMinutes(Long.parseLong(text.strip())) : Shorthand.fixed(text);
  }

  private static double sliceTarget(String text) {
    return number(text, "a ratio such as 0.9");
  }

  /** A number of seconds, as OpenSLO's numeric value, or a duration such as 1h; its bound is the table's. */
  private static Duration age(String text) {
    Duration age;
    if (text.strip().matches("[0-9]+(\\.[0-9]+)?")) {
      try {
        age = Duration.ofMillis(new BigDecimal(text.strip()).movePointRight(3).longValueExact());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("must be a maximum age in seconds (3600) or as a duration (1h), got '" + text
            + "': too long");
      }
    } else {
      try {
        age = DurationText.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("must be a maximum age in seconds (3600) or as a duration (1h), got '" + text + "'");
      }
    }
    if (age.isZero()) {
      throw new IllegalArgumentException("must be a maximum age above zero, got '" + text + "'");
    }
    return age;
  }

  private static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
