package io.meshwatch.dashboards.rules;

import io.meshwatch.model.BurnRateThresholds;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.SloSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerting rules of one product: its agent going silent, and per SLO the page and ticket
 * burn-rate alerts and the breach alert. Every expression aggregates {@code by} the SLO's identity,
 * so an alert carries product, domain and SLO but neither {@code window} (which would make the
 * alert change identity as another window pair takes over) nor the scrape's {@code instance}.
 */
final class ProductAlertRules {
  private static final List<String> SLO_IDENTITY = CollectorMetric.SLO_BREACHING.labels();
  private static final List<String> PRODUCT_IDENTITY = CollectorMetric.PRODUCT_AGENT_SILENT.labels();

  private final RulesOptions options;

  ProductAlertRules(RulesOptions options) {
    this.options = options;
  }

  List<AlertingRule> rules(DataProduct product) {
    List<AlertingRule> rules = new ArrayList<>();
    rules.add(agentSilent(product));
    List<SloSpec> slos = new ArrayList<>(product.slos());
    slos.sort(Comparator.comparing(SloSpec::name));
    BurnRateThresholds t = options.thresholds();
    for (SloSpec slo : slos) {
      rules.add(burnRate(product, slo, RuleLabels.PAGE, "fast",
          either(pair(product, slo, BurnWindow.H1, BurnWindow.M5, t.pageFast()),
              pair(product, slo, BurnWindow.H6, BurnWindow.M30, t.pageSlow())),
          "1h and 5m burn above " + PromQl.number(t.pageFast()) + "x, or 6h and 30m above " + PromQl.number(t.pageSlow()) + "x"));
      rules.add(burnRate(product, slo, RuleLabels.TICKET, "steadily",
          either(pair(product, slo, BurnWindow.D1, BurnWindow.H2, t.ticketFast()),
              pair(product, slo, BurnWindow.D3, BurnWindow.H6, t.ticketSlow())),
          "1d and 2h burn above " + PromQl.number(t.ticketFast()) + "x, or 3d and 6h above " + PromQl.number(t.ticketSlow()) + "x"));
      rules.add(breaching(product, slo));
    }
    return rules;
  }

  private AlertingRule agentSilent(DataProduct product) {
    String expr = PromQl.aggregate("max", PRODUCT_IDENTITY,
        PromQl.selector(CollectorMetric.PRODUCT_AGENT_SILENT, Map.of(Labels.PRODUCT_LABEL, product.id().toString()))) + " == 1";
    Map<String, String> labels = productLabels(product, RuleLabels.TICKET);
    Map<String, String> annotations = annotations(product,
        product.id() + ": the agent has gone silent",
        "Nothing was heard from the product's pipeline for longer than the silence timeout; its SLOs cannot be measured until it reports again.");
    return new AlertingRule(RuleLabels.ALERT_AGENT_SILENT, expr, options.alertFor(), options.keepFiringFor(), labels, annotations);
  }

  private AlertingRule burnRate(
      DataProduct product, SloSpec slo, String severity, String pace, String expr, String condition) {
    Map<String, String> annotations = annotations(product,
        product.id() + ": SLO " + slo.name() + " is burning its error budget " + pace + " (" + severity + ")",
        "Long-window burn rate {{ $value | printf \"%.1f\" }}x (" + condition + ").");
    return new AlertingRule(RuleLabels.ALERT_BURN_RATE, expr, options.alertFor(), options.keepFiringFor(),
        sloLabels(product, slo, severity), annotations);
  }

  private AlertingRule breaching(DataProduct product, SloSpec slo) {
    String expr = PromQl.aggregate("max", SLO_IDENTITY, PromQl.selector(CollectorMetric.SLO_BREACHING, sloMatchers(product, slo)))
        + " == 1";
    Map<String, String> annotations = annotations(product,
        product.id() + ": SLO " + slo.name() + " is below its " + percent(slo.objectivePercent()) + " objective",
        "Compliance over the SLO's " + slo.window().label() + " window is below the objective: the promise to consumers is broken.");
    return new AlertingRule(RuleLabels.ALERT_BREACHING, expr, options.alertFor(), options.keepFiringFor(),
        sloLabels(product, slo, RuleLabels.TICKET), annotations);
  }

  /** Both windows of a pair burn above the factor. */
  private static String pair(DataProduct product, SloSpec slo, BurnWindow longWindow, BurnWindow shortWindow, double factor) {
    return burnAbove(product, slo, longWindow, factor) + "\nand " + PromQl.on(SLO_IDENTITY) + "\n"
        + burnAbove(product, slo, shortWindow, factor);
  }

  private static String burnAbove(DataProduct product, SloSpec slo, BurnWindow window, double factor) {
    Map<String, String> matchers = new TreeMap<>(sloMatchers(product, slo));
    matchers.put(Labels.WINDOW_LABEL, window.label());
    return PromQl.aggregate("max", SLO_IDENTITY, PromQl.selector(CollectorMetric.SLO_BURN_RATE, matchers))
        + " > " + PromQl.number(factor);
  }

  private static String either(String first, String second) {
    return "(\n" + indent(first) + "\n)\nor\n(\n" + indent(second) + "\n)";
  }

  private static String indent(String lines) {
    return "  " + lines.replace("\n", "\n  ");
  }

  private static Map<String, String> sloMatchers(DataProduct product, SloSpec slo) {
    return Map.of(Labels.PRODUCT_LABEL, product.id().toString(), Labels.SLO_LABEL, slo.name());
  }

  private static Map<String, String> productLabels(DataProduct product, String severity) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(Labels.PRODUCT_LABEL, product.id().toString());
    labels.put(Labels.DOMAIN_LABEL, product.domain());
    labels.put(RuleLabels.TEAM, product.ownerTeam());
    labels.put(RuleLabels.SEVERITY, severity);
    return labels;
  }

  private static Map<String, String> sloLabels(DataProduct product, SloSpec slo, String severity) {
    Map<String, String> labels = productLabels(product, severity);
    labels.put(Labels.SLO_LABEL, slo.name());
    labels.put(RuleLabels.SLI, slo.kind().label());
    return labels;
  }

  private static Map<String, String> annotations(DataProduct product, String summary, String description) {
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(RuleLabels.SUMMARY, summary);
    annotations.put(RuleLabels.DESCRIPTION, description);
    if (product.links().runbook() != null) {
      annotations.put(RuleLabels.RUNBOOK_URL, product.links().runbook().toString());
    }
    return annotations;
  }

  // 99.5 prints as 99.5%, 99.0 as 99%.
  private static String percent(double value) {
    return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}
