package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.YamlMap;
import io.meshwatch.model.DurationLabel;
import io.meshwatch.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads OpenSLO {@code AlertPolicy} and {@code AlertCondition} objects, named or inlined, into
 * {@link BurnRule}s. Only {@code burnrate} conditions that fire above their threshold can be evaluated;
 * notification targets are left to meshwatch's own routing (with a warning saying so).
 */
final class AlertReader {

  private static final List<String> POLICY = List.of(
      "description", "alertWhenNoData", "alertWhenResolved", "alertWhenBreaching", "conditions", "notificationTargets");
  private static final List<String> CONDITION = List.of("description", "severity", "condition");
  private static final List<String> BURN_RATE = List.of("kind", "op", "threshold", "lookbackWindow", "alertAfter");
  private static final Duration MIN_SHORT = Duration.ofMinutes(1);

  private final ObjectIndex index;
  private final Map<String, @Nullable BurnRule> conditions = new HashMap<>();
  private final Map<String, @Nullable List<BurnRule>> policies = new HashMap<>();

  AlertReader(ObjectIndex index) {
    this.index = index;
  }

  /** Reads every named condition and policy once, so each problem is reported once, where it is written. */
  void readNamed() {
    index.all("AlertCondition").forEach(c -> conditions.put(c.name(), condition(c)));
    index.all("AlertPolicy").forEach(p -> policies.put(p.name(), policy(p)));
  }

  /** The rules of an SLO's {@code alertPolicies}, or {@code null} after recording every problem. */
  @Nullable List<BurnRule> sloPolicies(YamlMap slo) {
    Problems problems = slo.problems();
    int errorsBefore = problems.errorCount();
    List<BurnRule> rules = new ArrayList<>();
    List<Node> items = slo.list("alertPolicies");
    for (int i = 0; i < items.size(); i++) {
      YamlMap item = slo.map(items.get(i), slo.field("alertPolicies") + "[" + i + "]");
      if (item == null) {
        continue;
      }
      List<BurnRule> policy = item.has("alertPolicyRef")
          ? named(item, "alertPolicyRef", "AlertPolicy", policies)
          : inlinePolicy(item);
      if (policy != null) {
        rules.addAll(policy);
      }
    }
    return problems.errorCount() > errorsBefore ? null : rules;
  }

  private @Nullable List<BurnRule> inlinePolicy(YamlMap item) {
    OpenSloObject policy = OpenSloObject.inline(item, "AlertPolicy");
    return policy == null ? null : policy(policy);
  }

  private <T> @Nullable T named(YamlMap item, String refKey, String kind, Map<String, @Nullable T> read) {
    item.allowOnly(List.of(refKey));
    String name = item.requiredString(refKey);
    if (name == null || index.resolve(kind, name, item.problems(), item.line(refKey), item.field(refKey)) == null) {
      return null;
    }
    return read.get(name); // null when the named object has errors, already reported where it is written
  }

  private @Nullable List<BurnRule> policy(OpenSloObject policy) {
    YamlMap spec = policy.spec();
    if (spec == null) {
      return null;
    }
    Problems problems = spec.problems();
    int errorsBefore = problems.errorCount();
    spec.allowOnly(POLICY);
    Boolean breaching = spec.value("alertWhenBreaching", false, "true or false", AlertReader::bool);
    if (Boolean.FALSE.equals(breaching)) {
      problems.error(spec.line("alertWhenBreaching"), spec.field("alertWhenBreaching"),
          "false cannot be honoured: meshwatch alerts when a burn-rate condition breaches");
    }
    Boolean noData = spec.value("alertWhenNoData", false, "true or false", AlertReader::bool);
    if (Boolean.TRUE.equals(noData)) {
      problems.error(spec.line("alertWhenNoData"), spec.field("alertWhenNoData"), "true cannot be honoured: meshwatch never "
          + "fires a burn-rate alert without data; a silent agent is reported as the product's agent state instead");
    }
    if (spec.has("alertWhenResolved")) {
      spec.value("alertWhenResolved", false, "true or false", AlertReader::bool);
      problems.warning(spec.line("alertWhenResolved"), spec.field("alertWhenResolved"),
          "ignored: meshwatch routes alerts and their resolution itself");
    }
    if (spec.has("notificationTargets")) {
      problems.warning(spec.line("notificationTargets"), spec.field("notificationTargets"),
          "ignored: meshwatch routes alerts itself, to the product's onCall contacts");
    }
    List<Node> items = spec.list("conditions");
    if (items.isEmpty()) {
      problems.error(spec.line("conditions"), spec.field("conditions"), "needs at least one condition");
    }
    List<BurnRule> rules = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      YamlMap item = spec.map(items.get(i), spec.field("conditions") + "[" + i + "]");
      if (item == null) {
        continue;
      }
      BurnRule rule;
      if (item.has("conditionRef")) {
        rule = named(item, "conditionRef", "AlertCondition", conditions);
      } else {
        OpenSloObject inline = OpenSloObject.inline(item, "AlertCondition");
        rule = inline == null ? null : condition(inline);
      }
      if (rule != null) {
        rules.add(rule);
      }
    }
    return problems.errorCount() > errorsBefore ? null : rules;
  }

  private @Nullable BurnRule condition(OpenSloObject condition) {
    YamlMap spec = condition.spec();
    if (spec == null) {
      return null;
    }
    Problems problems = spec.problems();
    int errorsBefore = problems.errorCount();
    spec.allowOnly(CONDITION);
    Severity severity = spec.value("severity", true, "a severity", AlertReader::severity);
    YamlMap burn = spec.map("condition");
    if (burn == null) {
      if (!spec.has("condition")) {
        problems.error(spec.line(), spec.field("condition"), "is required");
      }
      return null;
    }
    burn.allowOnly(BURN_RATE);
    String kind = burn.string("kind");
    if (kind != null && !kind.equals("burnrate")) {
      problems.error(burn.line("kind"), burn.field("kind"),
          "condition kind '" + kind + "' cannot be evaluated by meshwatch; the only kind is burnrate");
      return null;
    }
    String op = burn.string("op");
    if (op != null && !op.equals("gt") && !op.equals("gte")) {
      problems.error(burn.line("op"), burn.field("op"), "op '" + op + "' cannot be evaluated by meshwatch: a burn-rate "
          + "condition fires when the burn rate is above its threshold, so op is gt (or gte)");
    }
    Double rate = burn.value("threshold", true, "a burn rate above 0", AlertReader::rate);
    Duration lookback = burn.value("lookbackWindow", true, "a duration", Shorthand::fixed);
    Duration alertAfter = burn.value("alertAfter", false, "a duration", AlertReader::alertAfter);
    if (problems.errorCount() > errorsBefore || severity == null || rate == null || lookback == null) {
      return null;
    }
    Duration shortWindow = alertAfter != null && !alertAfter.isZero() ? alertAfter : workbookShort(lookback);
    if (shortWindow.compareTo(lookback) >= 0 || shortWindow.compareTo(MIN_SHORT) < 0) {
      problems.error(burn.line("alertAfter"), burn.field("alertAfter"), "is the short window of the condition and must be "
          + "at least 1m and shorter than lookbackWindow (" + DurationLabel.of(lookback) + "), got " + DurationLabel.of(shortWindow));
      return null;
    }
    return new BurnRule(severity, rate, lookback, shortWindow, problems, burn.line("threshold"), burn.field("threshold"));
  }

  /** The SRE workbook's short window: a twelfth of the long one, at least a minute. */
  private static Duration workbookShort(Duration lookback) {
    Duration twelfth = lookback.dividedBy(12);
    return twelfth.compareTo(MIN_SHORT) < 0 ? MIN_SHORT : twelfth;
  }

  private static Severity severity(String text) {
    return switch (text) {
      case "page" -> Severity.PAGE;
      case "ticket" -> Severity.TICKET;
      default -> throw new IllegalArgumentException(
          "severity '" + text + "' is not one meshwatch routes; use page (wakes the on-call) or ticket (waits for working hours)");
    };
  }

  /** A burn rate; its bound is the table's. */
  private static double rate(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a burn rate above 0 such as 14.4 (1 spends the budget exactly over the "
          + "SLO window), got '" + text + "'");
    }
  }

  private static Duration alertAfter(String text) {
    return text.strip().matches("0[mhdw]") ? Duration.ZERO : Shorthand.fixed(text);
  }

  static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false, got '" + text + "'");
    };
  }
}
