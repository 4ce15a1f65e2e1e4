package io.meshwatch.collector.openslo;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.YamlMap;
import io.meshwatch.collector.guard.Bound;
import io.meshwatch.collector.guard.DescriptorBounds;
import io.meshwatch.collector.guard.Violation;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.DurationLabel;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads one OpenSLO {@code SLO} object into the meshwatch SLOs of one product. */
final class SloObjectReader {

  private static final List<String> FIELDS = List.of("description", "service", "indicator", "indicatorRef",
      "timeWindow", "budgetingMethod", "objectives", "alertPolicies");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
  private static final List<String> METHODS = List.of("Occurrences", "Timeslices", "RatioTimeslices");

  /** The SLOs of one OpenSLO SLO, for one product. */
  record Read(ProductId product, List<SloSpec> slos, OpenSloObject object) {}

  private final ObjectIndex index;
  private final ProductResolver products;
  private final AlertReader alerts;
  private final Map<String, @Nullable Indicator> slis = new HashMap<>();

  SloObjectReader(ObjectIndex index, ProductResolver products, AlertReader alerts) {
    this.index = index;
    this.products = products;
    this.alerts = alerts;
  }

  /** Reads every named SLI once, so each problem is reported once, where it is written. */
  void readNamedSlis() {
    index.all("SLI").forEach(sli -> slis.put(sli.name(), IndicatorReader.read(sli)));
  }

  /** The SLOs {@code slo} declares, or {@code null} after recording every problem. */
  @Nullable Read read(OpenSloObject slo) {
    YamlMap spec = slo.spec();
    if (spec == null) {
      return null;
    }
    Problems problems = spec.problems();
    int errorsBefore = problems.errorCount();
    spec.allowOnly(FIELDS);
    if (!NAME.matcher(slo.name()).matches()) {
      problems.error(slo.metadata().line("name"), "metadata.name", "an SLO name must be lower-case letters, digits, '-' or '_', "
          + "starting with a letter and at most 63 long, got '" + slo.name() + "'");
    }
    ProductId product = products.forSlo(slo, spec);
    Indicator indicator = indicator(spec);
    SloWindow window = WindowReader.read(spec);
    String method = spec.value("budgetingMethod", true, "a budgeting method", SloObjectReader::method);
    boolean timeslices = method != null && !method.equals("Occurrences");
    if (timeslices && indicator != null && indicator.kind() != SliKind.FRESHNESS) {
      problems.error(spec.line("budgetingMethod"), spec.field("budgetingMethod"), method + " cannot be evaluated for sli "
          + indicator.kind().label() + ": meshwatch counts it by occurrences (use Occurrences); only freshness is measured "
          + "in time slices, of 1m");
      indicator = null;
    }
    List<Objective> objectives = indicator == null ? null : ObjectiveReader.read(spec, slo.name(), indicator, timeslices);
    List<BurnRule> rules = alerts.sloPolicies(spec);
    Violation tooMany = rules == null ? null : DescriptorBounds.TABLE.bound("slos[].alerting", Bound.Items.class).check(rules.size());
    if (tooMany != null) {
      // They become the SLO's burn conditions, held to what a descriptor's SLO holds.
      problems.error(spec.line("alertPolicies"), spec.field("alertPolicies"), "the burn-rate conditions of all policies "
          + "together " + tooMany.message());
      rules = null;
    }
    List<BurnCondition> conditions = window == null || rules == null ? null : conditions(slo.name(), rules, window);
    if (problems.errorCount() > errorsBefore || product == null || indicator == null || objectives == null
        || conditions == null || window == null) {
      return null;
    }
    List<SloSpec> slos = new ArrayList<>();
    for (Objective objective : objectives) {
      try {
        slos.add(new SloSpec(objective.name(), indicator.kind(), objective.threshold(), objective.percent(), window,
            List.of(), conditions, SloSpec.defaultMinHistory(window)));
      } catch (IllegalArgumentException e) {
        problems.error(slo.line(), "", e.getMessage());
      }
    }
    return problems.errorCount() > errorsBefore ? null : new Read(product, slos, slo);
  }

  private @Nullable Indicator indicator(YamlMap spec) {
    Problems problems = spec.problems();
    if (spec.has("indicator") == spec.has("indicatorRef")) {
      problems.error(spec.line(), spec.path().isEmpty() ? "spec" : spec.path(), spec.has("indicator")
          ? "give indicator or indicatorRef, not both"
          : "needs an indicator (an inlined SLI) or an indicatorRef (the name of an SLI)");
      return null;
    }
    if (spec.has("indicatorRef")) {
      String name = spec.requiredString("indicatorRef");
      if (name == null || index.resolve("SLI", name, problems, spec.line("indicatorRef"), spec.field("indicatorRef")) == null) {
        return null;
      }
      return slis.get(name); // null when the SLI has errors, reported where it is written
    }
    YamlMap inline = spec.map("indicator");
    OpenSloObject sli = inline == null ? null : OpenSloObject.inline(inline, "SLI");
    return sli == null ? null : IndicatorReader.read(sli);
  }

  private static @Nullable List<BurnCondition> conditions(String slo, List<BurnRule> rules, SloWindow window) {
    if (rules.isEmpty()) {
      return SloSpec.defaultConditions(window);
    }
    Duration length = window.longest();
    List<BurnCondition> conditions = new ArrayList<>();
    boolean failed = false;
    for (BurnRule rule : rules) {
      if (rule.lookback().compareTo(length) > 0) {
        rule.problems().error(rule.line(), rule.field(), "the lookbackWindow " + DurationLabel.of(rule.lookback())
            + " is longer than the window " + window.label() + " of SLO '" + slo + "'");
        failed = true;
        continue;
      }
      double share = rule.rate() * rule.lookback().toMillis() / length.toMillis();
      if (share > 1) {
        double most = (double) length.toMillis() / rule.lookback().toMillis();
        rule.problems().error(rule.line(), rule.field(), String.format(Locale.ROOT, "a burn rate of %s over %s spends more "
            + "than the whole error budget of SLO '%s' (window %s); at most %s fits", number(rule.rate()),
            DurationLabel.of(rule.lookback()), slo, window.label(), number(most)));
        failed = true;
        continue;
      }
      try {
        conditions.add(new BurnCondition(rule.severity(), rule.lookback(), rule.shortWindow(), share));
      } catch (IllegalArgumentException e) {
        rule.problems().error(rule.line(), rule.field(), e.getMessage());
        failed = true;
      }
    }
    return failed ? null : conditions;
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static String method(String text) {
    if (METHODS.contains(text)) {
      return text;
    }
    throw new IllegalArgumentException("must be one of " + String.join(", ", METHODS) + ", got '" + text + "'");
  }
}
