package io.meshwatch.dashboards.rules;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Severity;
import io.meshwatch.model.SloSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The alerting rules of one product, as the collector's alerting raises them: its agent going
 * silent, and per SLO a page and a ticket burn-rate alert (each only if the SLO has conditions of
 * that severity; it holds while any of them holds) and the breach alert. SLO alerts neither fire nor
 * resolve while the SLO has no data or the collector cannot evaluate it ({@link NoDataHold}), so an
 * SLO in state error that stays so raises an alert of its own: it would otherwise freeze its alerts
 * with nobody told. Every expression has one series per SLO labelled {@code product, domain, slo}
 * only, so an alert never changes identity as another window or another scrape takes over.
 */
final class ProductAlertRules {
  private static final List<String> PRODUCT_IDENTITY = CollectorMetric.PRODUCT_AGENT_SILENT.labels();
  /** A failed evaluation or two is counted, not alerted on; one that lasts this long needs a person. */
  static final Duration ERROR_FOR = Duration.ofMinutes(10);
  private static final String FROZEN = "While the SLO has no data, or cannot be evaluated (state error), the alert"
      + " neither fires nor resolves.";

  private final RulesOptions options;

  ProductAlertRules(RulesOptions options) {
    this.options = options;
  }

  List<AlertingRule> rules(DataProduct product, List<SloSpec> slos) {
    List<AlertingRule> rules = new ArrayList<>();
    rules.add(agentSilent(product));
    for (SloSpec slo : slos) {
      SloRef ref = new SloRef(product, slo);
      burnRate(ref, Severity.PAGE, "fast").ifPresent(rules::add);
      burnRate(ref, Severity.TICKET, "steadily").ifPresent(rules::add);
      rules.add(breaching(ref));
      rules.add(sloError(ref));
    }
    return rules;
  }

  private AlertingRule agentSilent(DataProduct product) {
    String expr = PromQl.aggregate("max", PRODUCT_IDENTITY,
        PromQl.selector(CollectorMetric.PRODUCT_AGENT_SILENT, Map.of(Labels.PRODUCT_LABEL, product.id().toString()))) + " == 1";
    Map<String, String> annotations = annotations(product,
        product.id() + ": the agent has gone silent",
        "Nothing was heard from the product's pipeline for longer than the silence timeout; its SLOs cannot be measured until it reports again.");
    return new AlertingRule(RuleLabels.ALERT_AGENT_SILENT, expr, options.alertFor(), options.keepFiringFor(),
        productLabels(product, RuleLabels.TICKET), annotations);
  }

  private Optional<AlertingRule> burnRate(SloRef ref, Severity severity, String pace) {
    List<BurnCondition> conditions = ref.slo().burnConditions().stream().filter(c -> c.severity() == severity).toList();
    if (conditions.isEmpty()) {
      return Optional.empty();
    }
    String any = conditions.stream().map(c -> "(\n" + NoDataHold.indent(BurnConditionQuery.holds(ref, c)) + "\n)")
        .collect(Collectors.joining("\nor\n"));
    String condition = PromQl.aggregate("max", SloRef.IDENTITY, "\n" + NoDataHold.indent(any) + "\n");
    String expr = NoDataHold.wrap(ref, condition, NoDataHold.alert(RuleLabels.ALERT_BURN_RATE, severity.label()));
    Map<String, String> annotations = annotations(ref.product(),
        subject(ref) + " is burning its error budget " + pace + " (" + severity.label() + ")",
        "Both windows of one of the SLO's " + severity.label() + " conditions burn faster than its threshold: "
            + conditions.stream().map(c -> BurnConditionQuery.describe(ref, c)).collect(Collectors.joining("; "))
            + ". " + FROZEN);
    annotations.put(RuleLabels.CONDITIONS, conditions.stream().map(BurnCondition::label).collect(Collectors.joining(", ")));
    return Optional.of(new AlertingRule(RuleLabels.ALERT_BURN_RATE, expr, options.alertFor(),
        options.keepFiringFor(), sloLabels(ref, severity.label()), annotations));
  }

  // The breaching gauge is the collector's own state == breaching (never while no_data or
  // insufficient_history), so it is the collector's condition itself rather than a re-derivation.
  private AlertingRule breaching(SloRef ref) {
    String condition = ref.gauge(CollectorMetric.SLO_BREACHING) + " == 1";
    String expr = NoDataHold.wrap(ref, condition, NoDataHold.alert(RuleLabels.ALERT_BREACHING));
    SloSpec slo = ref.slo();
    Map<String, String> annotations = annotations(ref.product(),
        subject(ref) + " is below its " + percent(slo.objectivePercent()) + " objective",
        "Compliance over the SLO's " + slo.window().label()
            + " window is below the objective: the promise to consumers is broken. " + FROZEN);
    return new AlertingRule(RuleLabels.ALERT_BREACHING, expr, options.alertFor(), options.keepFiringFor(),
        sloLabels(ref, RuleLabels.TICKET), annotations);
  }

  private AlertingRule sloError(SloRef ref) {
    String expr = ref.gauge(CollectorMetric.SLO_ERROR) + " == 1";
    Map<String, String> annotations = annotations(ref.product(),
        subject(ref) + " cannot be evaluated",
        "The collector has failed to evaluate the SLO for " + PromDuration.format(ERROR_FOR) + " (state error): its"
            + " budget is frozen and its burn-rate and breach alerts neither fire nor resolve until it evaluates again."
            + " The product's status.error in the API says what failed.");
    return new AlertingRule(RuleLabels.ALERT_SLO_ERROR, expr, ERROR_FOR, options.keepFiringFor(),
        sloLabels(ref, RuleLabels.TICKET), annotations);
  }


  private static String subject(SloRef ref) {
    return ref.product().id() + ": SLO " + ref.slo().name();
  }

  private static Map<String, String> productLabels(DataProduct product, String severity) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(Labels.PRODUCT_LABEL, product.id().toString());
    labels.put(Labels.DOMAIN_LABEL, product.domain());
    labels.put(RuleLabels.TEAM, product.ownerTeam());
    labels.put(RuleLabels.SEVERITY, severity);
    return labels;
  }

  private static Map<String, String> sloLabels(SloRef ref, String severity) {
    Map<String, String> labels = productLabels(ref.product(), severity);
    labels.put(Labels.SLO_LABEL, ref.slo().name());
    labels.put(RuleLabels.SLI, ref.slo().kind().label());
    return labels;
  }

  private static Map<String, String> annotations(DataProduct product, String summary, String description) {
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(RuleLabels.SUMMARY, summary);
    annotations.put(RuleLabels.DESCRIPTION, description);
    if (product.links().runbook() != null) {
      annotations.put(RuleLabels.RUNBOOK_URL, product.links().runbook().toString());
    }
    if (product.links().dashboard() != null) {
      annotations.put(RuleLabels.DASHBOARD_URL, product.links().dashboard().toString());
    }
    return annotations;
  }

  // 99.5 prints as 99.5%, 99.0 as 99%.
  private static String percent(double value) {
    return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}
