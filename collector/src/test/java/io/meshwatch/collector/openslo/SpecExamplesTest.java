package io.meshwatch.collector.openslo;

import static io.meshwatch.collector.openslo.OpenSloFixtures.SPEC_EXAMPLES;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.collector.slo.SloEngine;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What meshwatch makes of each OpenSLO v1 example published with the specification (copied to
 * src/test/resources/openslo/spec-examples): each one parses, or gets its own precise errors.
 */
class SpecExamplesTest {

  private static final String UNKNOWN = " is not a known meshwatch product: name the id (domain.name) of a product that "
      + "a descriptor declares, as the service or in the label or annotation meshwatch.io/product; known ids closest to "
      + "it: sales.orders, sales.raw_orders, marketing.attribution";
  private static final String NOT_MESHWATCH = "' cannot be evaluated by meshwatch; use type meshwatch with spec.sli one of "
      + "freshness, quality, volume, availability, run_success";

  @Test
  void occurrencesSlo_unknownServiceAndOtherMetricSourceAreErrors() {
    assertThat(problems("budgeting-method-occurences-slo.yaml")).containsExactly(
        "budgeting-method-occurences-slo.yaml:9: spec.service: service 'web-shop'" + UNKNOWN,
        "budgeting-method-occurences-slo.yaml:17: spec.indicator.spec.thresholdMetric.metricSource.type: metricSource type 'Any"
            + NOT_MESHWATCH);
  }

  @Test
  void ratioTimeslices_eachMetricSourceIsAnError() {
    assertThat(problems("budgeting-method-ratio-timeslices.yaml")).containsExactly(
        "budgeting-method-ratio-timeslices.yaml:9: spec.service: service 'web-shop'" + UNKNOWN,
        "budgeting-method-ratio-timeslices.yaml:18: spec.indicator.spec.ratioMetric.good.metricSource.type: metricSource type 'Any"
            + NOT_MESHWATCH,
        "budgeting-method-ratio-timeslices.yaml:23: spec.indicator.spec.ratioMetric.total.metricSource.type: metricSource type 'Any"
            + NOT_MESHWATCH);
  }

  @Test
  void timeslicesSlo_oneMinuteCalendarWindowIsAnError() {
    assertThat(problems("budgeting-method-timeslices-slo.yaml")).containsExactly(
        "budgeting-method-timeslices-slo.yaml:9: spec.service: service 'web-availability'" + UNKNOWN,
        "budgeting-method-timeslices-slo.yaml:18: spec.indicator.spec.ratioMetric.good.metricSource.type: metricSource type 'Any"
            + NOT_MESHWATCH,
        "budgeting-method-timeslices-slo.yaml:23: spec.indicator.spec.ratioMetric.total.metricSource.type: metricSource type 'Any"
            + NOT_MESHWATCH,
        "budgeting-method-timeslices-slo.yaml:27: spec.timeWindow[0].duration: calendar window '1m' is not supported; "
            + "meshwatch's calendar windows are 1w (weeks from Monday), 1M (months) or 1Q (quarters)");
  }

  @Test
  void lowTrafficTimeslices_weekWindowIsReadAndItsUnalignedStartIsAWarning() {
    assertThat(problems("treat-low-traffic-timeslices-slo.yaml")).containsExactly(
        "treat-low-traffic-timeslices-slo.yaml:7: spec.service: service 'web-availability'" + UNKNOWN,
        "treat-low-traffic-timeslices-slo.yaml:16: spec.indicator.spec.ratioMetric.good.metricSource.type: metricSource type 'Any"
            + NOT_MESHWATCH,
        "treat-low-traffic-timeslices-slo.yaml:21: spec.indicator.spec.ratioMetric.total.metricSource.type: metricSource type 'Any"
            + NOT_MESHWATCH,
        "warning: treat-low-traffic-timeslices-slo.yaml:28: spec.timeWindow[0].calendar.startTime: meshwatch's weeks start at "
            + "00:00 on Monday in America/New_York, not at 2022-01-01 12:00:00; the window follows those starts");
  }

  @Test
  void readmeSloWithInlinedSli_windowAndBudgetingMethodAreRequired() {
    assertThat(problems("readme-slo-inline-sli.yaml")).containsExactly(
        "readme-slo-inline-sli.yaml:7: spec.service: service 'foo'" + UNKNOWN,
        "readme-slo-inline-sli.yaml:7: spec.timeWindow: is required: meshwatch needs the window an SLO is measured over, "
            + "e.g. [{duration: 28d, isRolling: true}]",
        "readme-slo-inline-sli.yaml:7: spec.budgetingMethod: is required",
        "readme-slo-inline-sli.yaml:18: spec.indicator.spec.ratioMetric.good.metricSource.type: metricSource type 'Datadog"
            + NOT_MESHWATCH,
        "readme-slo-inline-sli.yaml:24: spec.indicator.spec.ratioMetric.total.metricSource.type: metricSource type 'Datadog"
            + NOT_MESHWATCH);
  }

  @Test
  void readmeDataSource_isIgnoredWithAWarning() {
    assertThat(problems("readme-data-source.yaml")).containsExactly("warning: readme-data-source.yaml:1: kind: ignored: "
        + "meshwatch reads its own signals (metric sources of type meshwatch), it connects to no data source");
  }

  @Test
  void readmeAlertCondition_parsesCleanly() {
    OpenSloResult result = OpenSloFixtures.read(SPEC_EXAMPLES.resolve("readme-alert-condition.yaml"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.slos()).isEmpty();
  }

  @Test
  void readmeAlertPolicies_parseWithWarningsForWhatMeshwatchRoutesItself() {
    assertThat(problems("readme-alert-policy-inline.yaml")).containsExactly(
        "warning: readme-alert-policy-inline.yaml:9: spec.alertWhenResolved: ignored: meshwatch routes alerts and their resolution itself",
        "warning: readme-alert-policy-inline.yaml:23: spec.notificationTargets: ignored: meshwatch routes alerts itself, to the "
            + "product's onCall contacts");
    assertThat(problems("readme-alert-policy.yaml", "readme-alert-condition.yaml")).containsExactly(
        "warning: readme-alert-policy.yaml:9: spec.alertWhenResolved: ignored: meshwatch routes alerts and their resolution itself",
        "warning: readme-alert-policy.yaml:12: spec.notificationTargets: ignored: meshwatch routes alerts itself, to the "
            + "product's onCall contacts");
  }

  @Test
  void readmeAlertPolicy_withoutTheConditionItRefersToIsAnError() {
    assertThat(problems("readme-alert-policy.yaml")).contains(
        "readme-alert-policy.yaml:11: spec.conditions[0].conditionRef: no AlertCondition named 'cpu-usage-breach' in the documents read");
  }

  @Test
  void readmeNotificationTargets_areIgnoredWithAWarningEach() {
    assertThat(problems("readme-alert-notification-targets.yaml")).containsExactly(
        "warning: readme-alert-notification-targets.yaml:1: kind: ignored: meshwatch routes alerts itself, to the product's onCall contacts",
        "warning: readme-alert-notification-targets.yaml:9: kind: ignored: meshwatch routes alerts itself, to the product's onCall contacts");
  }

  @Test
  void occurrencesSlo_pointedAtAProductAndMeshwatchSource_evaluates() {
    String adapted = OpenSloFixtures.text(SPEC_EXAMPLES.resolve("budgeting-method-occurences-slo.yaml"))
        .replace("service: web-shop", "service: sales.orders")
        .replace("type: Any # Here put any service that holds information you need.", "type: meshwatch")
        .replace("spec:\n            # Fields needed to query service for latency data.", "spec: {sli: freshness}");
    List<DataProduct> products = OpenSloFixtures.products();

    OpenSloResult result = OpenSloReader.read("occurrences.yaml", adapted, products);

    assertThat(result.problems()).isEmpty();
    SloSpec slo = result.slos().get(ProductId.parse("sales.orders")).get(0);
    assertThat(slo.name()).isEqualTo("search-slo");
    assertThat(slo.kind()).isEqualTo(SliKind.FRESHNESS);
    assertThat(slo.threshold()).isEqualTo(new Threshold.MaxAge(Duration.ofSeconds(500)));
    assertThat(slo.objectivePercent()).isEqualTo(99.0);
    assertThat(slo.window()).isEqualTo(SloWindow.rolling(Duration.ofDays(14)));

    Instant start = Instant.parse("2026-03-02T00:00:00Z");
    TestClock clock = new TestClock(start);
    SloEngine engine = new SloEngine(clock, Duration.ofMinutes(5));
    result.applyTo(products).forEach(engine::register);
    ProductId orders = ProductId.parse("sales.orders");
    // A day and a minute: past the default minimum history of a day.
    for (int minute = 0; minute <= 24 * 60; minute++) {
      engine.record(new Signal.FreshnessUpdate(orders, clock.instant(), clock.instant()));
      clock.advance(Duration.ofMinutes(1));
    }
    SloStatus status = slo(engine.evaluate(), orders, "search-slo");

    assertThat(status.state()).isEqualTo(SloState.HEALTHY);
    assertThat(status.objective()).isEqualTo(0.99);
    assertThat(status.window().length()).isEqualTo(Duration.ofDays(14));
    assertThat(status.totalEvents()).isPositive();
  }

  static SloStatus slo(List<ProductStatus> statuses, ProductId product, String name) {
    return statuses.stream().filter(s -> s.product().equals(product)).flatMap(s -> s.slos().stream())
        .filter(s -> s.slo().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> problems(String... files) {
    return OpenSloFixtures.read(java.util.Arrays.stream(files).map(SPEC_EXAMPLES::resolve).toArray(java.nio.file.Path[]::new))
        .problems().stream().map(Object::toString).toList();
  }
}
