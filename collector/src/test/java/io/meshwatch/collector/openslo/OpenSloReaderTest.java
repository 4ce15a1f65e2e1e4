package io.meshwatch.collector.openslo;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Severity;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per construct meshwatch cannot evaluate or that is invalid, each with its precise error. */
class OpenSloReaderTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");

  /** An SLO of sales.orders; {@code %s} replacements change one part. */
  private static String slo(String name, String sli, String window, String method, String objective) {
    return """
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: %s
        spec:
          service: sales.orders
          indicator:
            metadata: {name: sli}
            spec:
        %s
          timeWindow:
        %s
          budgetingMethod: %s
          objectives:
        %s
        """.formatted(name, indent(sli, 6), indent(window, 4), method, indent(objective, 4));
  }

  private static String indent(String lines, int spaces) {
    return lines.stripIndent().strip().indent(spaces).stripTrailing();
  }

  private static final String QUALITY = """
              ratioMetric:
                good: {metricSource: {type: meshwatch, spec: {sli: quality}}}
                total: {metricSource: {type: meshwatch, spec: {sli: quality}}}""";
  private static final String FRESHNESS = """
              thresholdMetric:
                metricSource: {type: meshwatch, spec: {sli: freshness}}""";
  private static final String ROLLING = "    - {duration: 28d, isRolling: true}";
  private static final String TARGET = "    - {target: 0.99}";

  @Test
  void read_qualityRatioOverARollingWindowBecomesAnSloWithDefaultConditions() {
    OpenSloResult result = read(slo("checks-ok", QUALITY, ROLLING, "Occurrences", TARGET));

    assertThat(result.problems()).isEmpty();
    SloSpec spec = result.slos().get(ORDERS).get(0);
    assertThat(spec.name()).isEqualTo("checks-ok");
    assertThat(spec.objectivePercent()).isEqualTo(99.0);
    assertThat(spec.burnConditions()).isEqualTo(BurnCondition.SRE_WORKBOOK);
  }

  @Test
  void read_unknownProductNamesTheClosestKnownIds() {
    assertThat(errors(slo("x", QUALITY, ROLLING, "Occurrences", TARGET).replace("sales.orders", "sales.order")))
        .containsExactly("slo.yaml:6: spec.service: service 'sales.order' is not a known meshwatch product: name the id "
            + "(domain.name) of a product that a descriptor declares, as the service or in the label or annotation "
            + "meshwatch.io/product; known ids closest to it: sales.orders, sales.raw_orders, marketing.attribution");
  }

  @Test
  void read_prometheusMetricSourceCannotBeEvaluated() {
    String sli = "      thresholdMetric:\n        metricSource: {type: prometheus, spec: {query: up}}";
    assertThat(errors(slo("x", sli, ROLLING, "Occurrences", TARGET))).containsExactly(
        "slo.yaml:11: spec.indicator.spec.thresholdMetric.metricSource.type: metricSource type 'prometheus' cannot be "
            + "evaluated by meshwatch; use type meshwatch with spec.sli one of freshness, quality, volume, availability, run_success");
  }

  @Test
  void read_timeslicesOnQualityCannotBeEvaluated() {
    assertThat(errors(slo("x", QUALITY, ROLLING, "Timeslices", TARGET))).containsExactly(
        "slo.yaml:15: spec.budgetingMethod: Timeslices cannot be evaluated for sli quality: meshwatch counts it by "
            + "occurrences (use Occurrences); only freshness is measured in time slices, of 1m");
  }

  @Test
  void read_timeslicesOnFreshnessWithFiveMinuteSlicesIsAnError() {
    String objective = "    - {op: lte, value: 1h, target: 0.99, timeSliceTarget: 0.9, timeSliceWindow: 5m}";
    assertThat(errors(slo("x", FRESHNESS, ROLLING, "Timeslices", objective))).containsExactly(
        "slo.yaml:16: spec.objectives[0].timeSliceWindow: meshwatch measures freshness in time slices of 1m, got 5m");
  }

  @Test
  void read_calendarDayIsNotACalendarWindow() {
    String window = "    - {duration: 1d, isRolling: false, calendar: {timeZone: UTC}}";
    assertThat(errors(slo("x", QUALITY, window, "Occurrences", TARGET))).containsExactly(
        "slo.yaml:14: spec.timeWindow[0].duration: calendar window '1d' is not supported; meshwatch's calendar windows "
            + "are 1w (weeks from Monday), 1M (months) or 1Q (quarters)");
  }

  @Test
  void read_rollingMonthHasNoFixedLength() {
    assertThat(errors(slo("x", QUALITY, "    - {duration: 1M, isRolling: true}", "Occurrences", TARGET))).containsExactly(
        "slo.yaml:14: spec.timeWindow[0].duration: a rolling window must be in m, h, d or w (such as 28d or 4w), got '1M': "
            + "it has no fixed length; for a calendar period say isRolling: false and give a calendar");
  }

  @Test
  void read_targetAboveOneIsAnError() {
    assertThat(errors(slo("x", QUALITY, ROLLING, "Occurrences", "    - {target: 1.5}"))).containsExactly(
        "slo.yaml:17: spec.objectives[0].target: must be a number above 0 and below 1, got 1.5");
  }

  @Test
  void read_missingIndicatorIsAnError() {
    String text = slo("x", QUALITY, ROLLING, "Occurrences", TARGET).replaceAll("(?s)  indicator:.*(?=  timeWindow:)", "");
    assertThat(errors(text)).containsExactly(
        "slo.yaml:6: spec: needs an indicator (an inlined SLI) or an indicatorRef (the name of an SLI)");
  }

  @Test
  void read_unknownKindSuggestsTheClosest() {
    assertThat(errors("apiVersion: openslo/v1\nkind: Slo\nmetadata: {name: x}\nspec: {}\n")).containsExactly(
        "slo.yaml:2: kind: unknown OpenSLO v1 kind 'Slo' (did you mean 'SLO'?); expected one of SLO, SLI, Service, "
            + "AlertPolicy, AlertCondition, DataSource, AlertNotificationTarget");
  }

  @Test
  void read_otherApiVersionIsNotRead() {
    assertThat(errors("apiVersion: openslo/v1alpha\nkind: SLO\nmetadata: {name: x}\nspec: {}\n")).containsExactly(
        "slo.yaml:1: apiVersion: 'openslo/v1alpha' is not supported; meshwatch reads openslo/v1");
  }

  @Test
  void read_duplicateNameIsAnErrorNamingTheFirst() {
    String one = slo("checks-ok", QUALITY, ROLLING, "Occurrences", TARGET);
    assertThat(errors(one + "---\n" + one)).containsExactly(
        "slo.yaml:19: metadata.name: SLO 'checks-ok' is already declared at slo.yaml:1");
  }

  @Test
  void read_nameOfAnSloTheDescriptorDeclaresIsAnError() {
    assertThat(errors(slo("checks-pass", QUALITY, ROLLING, "Occurrences", TARGET))).containsExactly(
        "slo.yaml:4: metadata.name: SLO 'checks-pass' of product sales.orders is already declared by the product's descriptor");
  }

  @Test
  void read_nameOutsideMeshwatchsPatternIsAnError() {
    assertThat(errors(slo("Checks.OK", QUALITY, ROLLING, "Occurrences", TARGET))).containsExactly(
        "slo.yaml:4: metadata.name: an SLO name must be lower-case letters, digits, '-' or '_', starting with a letter "
            + "and at most 63 long, got 'Checks.OK'");
  }

  @Test
  void read_rawRatioCannotBeEvaluated() {
    String sli = "      ratioMetric:\n        rawType: success\n        raw: {metricSource: {type: meshwatch, spec: {sli: quality}}}";
    assertThat(errors(slo("x", sli, ROLLING, "Occurrences", TARGET))).containsExactly(
        "slo.yaml:12: spec.indicator.spec.ratioMetric.raw: a precomputed (raw) ratio cannot be evaluated by meshwatch; "
            + "give good (or bad) and total with type meshwatch");
  }

  @Test
  void read_freshnessAsARatioIsAnError() {
    assertThat(errors(slo("x", QUALITY.replace("quality", "freshness"), ROLLING, "Occurrences", TARGET))).containsExactly(
        "slo.yaml:11: spec.indicator.spec.ratioMetric.good.metricSource.spec.sli: sli freshness is measured against a "
            + "maximum age: write it as a thresholdMetric, with op lte and the age as the objective's value");
  }

  @Test
  void read_freshnessAboveTheValueCannotBeEvaluated() {
    assertThat(errors(slo("x", FRESHNESS, ROLLING, "Occurrences", "    - {op: gte, value: 3600, target: 0.99}")))
        .containsExactly("slo.yaml:16: spec.objectives[0].op: op 'gte' cannot be evaluated for freshness: data is fresh "
            + "while its age is at most the value, so op is lte (or lt, the same at meshwatch's one-minute resolution)");
  }

  @Test
  void read_freshnessValueInSecondsIsTheMaximumAge() {
    OpenSloResult result = read(slo("fresh", FRESHNESS, ROLLING, "Occurrences", "    - {op: lte, value: 5400, target: 0.99}"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.slos().get(ORDERS).get(0).threshold()).isEqualTo(new Threshold.MaxAge(Duration.ofMinutes(90)));
  }

  @Test
  void read_severalObjectivesBecomeOneSloEachNamedAfterTheirDisplayName() {
    String objectives = "    - {displayName: Internal objective, target: 0.995}\n    - {targetPercent: 99}";
    OpenSloResult result = read(slo("checks-ok", QUALITY, ROLLING, "Occurrences", objectives));

    assertThat(result.problems()).isEmpty();
    assertThat(result.slos().get(ORDERS)).extracting(SloSpec::name, SloSpec::objectivePercent)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("checks-ok-internal-objective", 99.5),
            org.assertj.core.groups.Tuple.tuple("checks-ok-2", 99.0));
  }

  @Test
  void read_burnRateConditionBecomesABudgetShareOfTheWindow() {
    OpenSloResult result = read(slo("checks-ok", QUALITY, ROLLING, "Occurrences", TARGET) + policy("page", "gt", "14", "1h", null));

    assertThat(result.problems()).isEmpty();
    // 14 × 1h of a 28d window is 1/48 of the budget; the short window is a twelfth of the lookback.
    assertThat(result.slos().get(ORDERS).get(0).burnConditions()).containsExactly(
        new BurnCondition(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.0 / (28 * 24)));
  }

  @Test
  void read_alertAfterIsTheShortWindow() {
    OpenSloResult result = read(slo("checks-ok", QUALITY, ROLLING, "Occurrences", TARGET) + policy("ticket", "gt", "1", "3d", "6h"));

    assertThat(result.slos().get(ORDERS).get(0).burnConditions()).extracting(BurnCondition::shortWindow, BurnCondition::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Duration.ofHours(6), Severity.TICKET));
  }

  @Test
  void read_unknownSeverityIsAnError() {
    assertThat(errors(slo("x", QUALITY, ROLLING, "Occurrences", TARGET) + policy("warning", "gt", "2", "1h", null)))
        .containsExactly("slo.yaml:26: spec.alertPolicies[0].spec.conditions[0].spec.severity: severity 'warning' is not one "
            + "meshwatch routes; use page (wakes the on-call) or ticket (waits for working hours)");
  }

  @Test
  void read_burnRateBelowAThresholdCannotBeEvaluated() {
    assertThat(errors(slo("x", QUALITY, ROLLING, "Occurrences", TARGET) + policy("page", "lte", "2", "1h", null)))
        .containsExactly("slo.yaml:29: spec.alertPolicies[0].spec.conditions[0].spec.condition.op: op 'lte' cannot be "
            + "evaluated by meshwatch: a burn-rate condition fires when the burn rate is above its threshold, so op is gt (or gte)");
  }

  @Test
  void read_burnRateSpendingMoreThanTheBudgetIsAnError() {
    assertThat(errors(slo("x", QUALITY, ROLLING, "Occurrences", TARGET) + policy("page", "gt", "200", "1d", null)))
        .containsExactly("slo.yaml:30: spec.alertPolicies[0].spec.conditions[0].spec.condition.threshold: a burn rate of "
            + "200 over 1d spends more than the whole error budget of SLO 'x' (window 28d); at most 28 fits");
  }

  @Test
  void read_otherConditionKindCannotBeEvaluated() {
    String text = slo("x", QUALITY, ROLLING, "Occurrences", TARGET) + policy("page", "gt", "2", "1h", null)
        .replace("kind: burnrate", "kind: threshold");
    assertThat(errors(text)).containsExactly("slo.yaml:28: spec.alertPolicies[0].spec.conditions[0].spec.condition.kind: "
        + "condition kind 'threshold' cannot be evaluated by meshwatch; the only kind is burnrate");
  }

  @Test
  void read_alertWhenNoDataCannotBeHonoured() {
    String text = slo("x", QUALITY, ROLLING, "Occurrences", TARGET) + policy("page", "gt", "2", "1h", null)
        .replace("alertWhenBreaching: true", "alertWhenNoData: true");
    assertThat(errors(text)).containsExactly("slo.yaml:22: spec.alertPolicies[0].spec.alertWhenNoData: true cannot be "
        + "honoured: meshwatch never fires a burn-rate alert without data; a silent agent is reported as the product's agent state instead");
  }

  @Test
  void read_anyErrorAppliesNothing() {
    String good = slo("checks-ok", QUALITY, ROLLING, "Occurrences", TARGET);
    String bad = slo("checks-bad", QUALITY, ROLLING, "Occurrences", "    - {target: 1.5}");

    OpenSloResult result = read(good + "---\n" + bad);

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.slos()).isEmpty();
    assertThat(result.applyTo(OpenSloFixtures.products())).isEqualTo(OpenSloFixtures.products());
  }

  @Test
  void read_documentThatIsNotOpenSloIsAnError() {
    assertThat(errors("id: sales.orders\n")).containsExactly(
        "slo.yaml:1: is not an OpenSLO document: it needs apiVersion: openslo/v1");
  }

  @Test
  void read_productFromAServiceAnnotation() {
    String text = """
        apiVersion: openslo/v1
        kind: Service
        metadata:
          name: orders
          annotations: {meshwatch.io/product: sales.orders}
        ---
        """ + slo("checks-ok", QUALITY, ROLLING, "Occurrences", TARGET).replace("service: sales.orders", "service: orders");

    OpenSloResult result = read(text);

    assertThat(result.problems()).isEmpty();
    assertThat(result.slos()).containsOnlyKeys(ORDERS);
  }

  /** An inlined alert policy for the SLO just before it, as its spec's last field. */
  private static String policy(String severity, String op, String threshold, String lookback, String alertAfter) {
    return """
          alertPolicies:
            - kind: AlertPolicy
              metadata: {name: p}
              spec:
                alertWhenBreaching: true
                conditions:
                  - metadata: {name: c}
                    spec:
                      severity: %s
                      condition:
                        kind: burnrate
                        op: %s
                        threshold: %s
                        lookbackWindow: %s
        """.formatted(severity, op, threshold, lookback)
        + (alertAfter == null ? "" : "                alertAfter: " + alertAfter + "\n");
  }

  private static OpenSloResult read(String text) {
    return OpenSloReader.read("slo.yaml", text, OpenSloFixtures.products());
  }

  private static List<String> errors(String text) {
    return read(text).errors();
  }
}
