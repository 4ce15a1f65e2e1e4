package io.meshwatch.alerting;

import static io.meshwatch.alerting.SloStatuses.T0;
import static io.meshwatch.alerting.SloStatuses.calm;
import static io.meshwatch.alerting.SloStatuses.pageBurn;
import static io.meshwatch.alerting.SloStatuses.product;
import static io.meshwatch.alerting.SloStatuses.slo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.Threshold;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {
  private static final DataProduct ORDERS = new DataProduct(SloStatuses.ORDERS, "sales-team",
      List.of(new Contact(Contact.Kind.SLACK, "#sales-oncall")), "All orders", List.of(), "1.0.0", List.of(),
      new Links(URI.create("https://runbooks.example.com/orders"), null),
      List.of(new SloSpec("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofHours(1)), 99.5, Duration.ofDays(28))));
  private static final Function<ProductId, Optional<DataProduct>> CATALOG =
      id -> id.equals(ORDERS.id()) ? Optional.of(ORDERS) : Optional.empty();

  private final MutableClock clock = new MutableClock(T0);
  private final AlertEvaluator evaluator = new AlertEvaluator(AlertPolicy.DEFAULT, clock);

  @Test
  void update_pageBurnGoesPendingThenFiresAfterPendingFor() {
    List<AlertTransition> first = evaluator.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG);
    assertThat(first).singleElement().satisfies(t -> {
      assertThat(t.transition()).isEqualTo(AlertStateTransition.INACTIVE_TO_PENDING);
      assertThat(t.alert().condition()).isEqualTo(AlertCondition.BURN_RATE_PAGE);
      assertThat(t.alert().activeAt()).isEqualTo(T0);
      assertThat(t.alert().startsAt()).isNull();
    });

    clock.advance(Duration.ofSeconds(119));
    assertThat(evaluator.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG)).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    List<AlertTransition> fired = evaluator.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG);
    assertThat(fired).singleElement().satisfies(t -> {
      assertThat(t.transition()).isEqualTo(AlertStateTransition.PENDING_TO_FIRING);
      assertThat(t.at()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
      assertThat(t.alert().startsAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
      assertThat(t.alert().activeAt()).isEqualTo(T0);
      assertThat(t.alert().endsAt()).isNull();
    });
  }

  @Test
  void update_conditionClearingWhilePendingGoesInactiveWithoutFiring() {
    evaluator.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG);
    clock.advance(Duration.ofMinutes(1));

    List<AlertTransition> cleared = evaluator.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG);

    assertThat(cleared).singleElement()
        .extracting(AlertTransition::transition).isEqualTo(AlertStateTransition.PENDING_TO_INACTIVE);
    assertThat(evaluator.active()).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    assertThat(evaluator.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG)).isEmpty();
  }

  @Test
  void update_firingAlertKeepsFiringThroughAFlapShorterThanKeepFiringFor() {
    fire();
    clock.advance(Duration.ofMinutes(1));
    assertThat(evaluator.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG)).isEmpty();
    clock.advance(Duration.ofMinutes(4));
    // Burning again just before keep-firing-for ran out: the clock starts over.
    assertThat(evaluator.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG)).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(evaluator.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG)).isEmpty();
    clock.advance(Duration.ofMinutes(4));
    assertThat(evaluator.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG)).isEmpty();

    assertThat(evaluator.active()).singleElement()
        .extracting(Alert::state).isEqualTo(AlertState.FIRING);
  }

  @Test
  void update_resolvesOnceConditionHasBeenFalseForKeepFiringFor() {
    fire();
    clock.advance(Duration.ofMinutes(1));
    evaluator.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG);
    clock.advance(Duration.ofMinutes(5));

    List<AlertTransition> resolved = evaluator.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG);

    assertThat(resolved).singleElement().satisfies(t -> {
      assertThat(t.transition()).isEqualTo(AlertStateTransition.FIRING_TO_RESOLVED);
      assertThat(t.alert().endsAt()).isEqualTo(clock.instant());
      assertThat(t.alert().startsAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    });
    assertThat(evaluator.active()).isEmpty();
  }

  @Test
  void update_resolvedAlertThatBurnsAgainStartsANewEpisode() {
    fire();
    clock.advance(Duration.ofMinutes(1));
    evaluator.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG);
    clock.advance(Duration.ofMinutes(5));
    evaluator.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG);
    clock.advance(Duration.ofMinutes(10));

    List<AlertTransition> again = evaluator.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG);

    assertThat(again).singleElement().satisfies(t -> {
      assertThat(t.transition()).isEqualTo(AlertStateTransition.RESOLVED_TO_PENDING);
      assertThat(t.alert().activeAt()).isEqualTo(clock.instant());
      assertThat(t.alert().startsAt()).isNull();
      assertThat(t.alert().endsAt()).isNull();
    });
  }

  @Test
  void update_zeroPendingForFiresAtOnceAndZeroKeepFiringForResolvesAtOnce() {
    AlertEvaluator eager = new AlertEvaluator(
        new AlertPolicy(Duration.ZERO, Duration.ZERO), clock);

    assertThat(eager.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG))
        .extracting(AlertTransition::transition).containsExactly(AlertStateTransition.INACTIVE_TO_FIRING);
    clock.advance(Duration.ofSeconds(30));
    assertThat(eager.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG))
        .extracting(AlertTransition::transition).containsExactly(AlertStateTransition.FIRING_TO_RESOLVED);
  }

  @Test
  void update_breachingSloRaisesATicketBesideTheBurnRateAlerts() {
    Map<BurnWindow, Double> everything = Map.of(BurnWindow.H1, 20.0, BurnWindow.M5, 20.0,
        BurnWindow.D1, 4.0, BurnWindow.H2, 4.0);

    List<AlertTransition> transitions = evaluator.update(product(slo("fresh", SloState.BREACHING, everything)), CATALOG);

    assertThat(transitions).extracting(t -> t.alert().condition()).containsExactly(
        AlertCondition.BURN_RATE_PAGE, AlertCondition.BURN_RATE_TICKET, AlertCondition.SLO_BREACHING);
    assertThat(transitions).extracting(t -> t.alert().labels().get(AlertLabels.SEVERITY))
        .containsExactly("page", "ticket", "ticket");
    assertThat(transitions).extracting(t -> t.alert().fingerprint()).doesNotHaveDuplicates();
  }

  @Test
  void update_labelsAndAnnotationsComeFromStatusAndDescriptor() {
    Alert alert = evaluator.update(product(slo("fresh", SloState.BREACHING, Map.of(BurnWindow.M5, 0.5, BurnWindow.H1, 1.25))), CATALOG)
        .get(0).alert();

    assertThat(alert.labels()).containsExactly(
        entry("alertname", "MeshwatchSloBreaching"), entry("domain", "sales"), entry("product", "sales.orders"),
        entry("severity", "ticket"), entry("sli", "freshness"), entry("slo", "fresh"), entry("team", "sales-team"));
    assertThat(alert.annotations()).containsExactly(
        entry("budget_left", "37.5%"), entry("burn_rates", "page-1h-5m 1.25/0.50>14.40, page-6h-30m -/->6.00, ticket-1d-2h -/->3.00, ticket-3d-6h -/->1.00"),
        entry("runbook_url", "https://runbooks.example.com/orders"),
        entry("summary", "sales.orders: SLO fresh is below its 99.5% objective (compliance 99.30%)"));
  }

  @Test
  void update_productWithoutDescriptorStillAlertsButWithoutTeamOrRunbook() {
    Alert alert = evaluator.update(product(slo("fresh", SloState.BREACHING, Map.of())), id -> Optional.empty())
        .get(0).alert();

    assertThat(alert.labels()).doesNotContainKey(AlertLabels.TEAM).containsEntry(AlertLabels.PRODUCT, "sales.orders");
    assertThat(alert.annotations()).doesNotContainKeys(AlertLabels.RUNBOOK_URL, AlertLabels.DASHBOARD_URL);
  }

  @Test
  void update_alertOfAnSloThatDisappearsResolvesAfterKeepFiringFor() {
    fire();
    clock.advance(Duration.ofMinutes(1));
    assertThat(evaluator.update(List.<ProductStatus>of(), CATALOG)).isEmpty();
    clock.advance(Duration.ofMinutes(5));

    assertThat(evaluator.update(List.<ProductStatus>of(), CATALOG))
        .extracting(AlertTransition::transition).containsExactly(AlertStateTransition.FIRING_TO_RESOLVED);
    clock.advance(Duration.ofMinutes(1));
    assertThat(evaluator.update(List.<ProductStatus>of(), CATALOG)).isEmpty();
  }

  @Test
  void update_fingerprintDoesNotDependOnLabelsOrAnnotations() {
    String withDescriptor = evaluator.update(product(slo("fresh", SloState.BREACHING, Map.of())), CATALOG)
        .get(0).alert().fingerprint();
    AlertEvaluator other = new AlertEvaluator(AlertPolicy.DEFAULT, clock);
    String without = other.update(product(slo("fresh", SloState.BREACHING, pageBurn())), id -> Optional.empty())
        .stream().filter(t -> t.alert().condition() == AlertCondition.SLO_BREACHING).findFirst().orElseThrow()
        .alert().fingerprint();

    assertThat(without).isEqualTo(withDescriptor);
  }

  @Test
  void update_noDataNeitherFiresNorResolves() {
    fire();
    clock.advance(Duration.ofHours(1));
    assertThat(evaluator.update(product(slo("fresh", SloState.NO_DATA, Map.of())), CATALOG)).isEmpty();
    assertThat(evaluator.active()).extracting(Alert::state).containsExactly(AlertState.FIRING);

    AlertEvaluator fresh = new AlertEvaluator(AlertPolicy.DEFAULT, clock);
    assertThat(fresh.update(product(slo("fresh", SloState.NO_DATA, pageBurn())), CATALOG)).isEmpty();
  }

  @Test
  void update_errorNeitherFiresNorResolves() {
    fire();
    clock.advance(Duration.ofHours(1));
    assertThat(evaluator.update(product(slo("fresh", SloState.ERROR, Map.of())), CATALOG)).isEmpty();
    assertThat(evaluator.active()).extracting(Alert::state).containsExactly(AlertState.FIRING);

    AlertEvaluator fresh = new AlertEvaluator(AlertPolicy.DEFAULT, clock);
    assertThat(fresh.update(product(slo("fresh", SloState.ERROR, pageBurn())), CATALOG)).isEmpty();
    assertThat(fresh.update(product(slo("fresh", SloState.BREACHING, Map.of())), CATALOG)).isNotEmpty();
  }

  @Test
  void update_dashboardLinkFromTheDescriptorIsAnnotated() {
    DataProduct withDashboard = new DataProduct(ORDERS.id(), "sales-team", List.of(), "", List.of(), "1.0.0", List.of(),
        new Links(null, null, URI.create("https://grafana.example.com/d/orders")), ORDERS.slos());

    Alert alert = evaluator.update(product(slo("fresh", SloState.BREACHING, Map.of())), id -> Optional.of(withDashboard))
        .get(0).alert();

    assertThat(alert.annotations()).containsEntry(AlertLabels.DASHBOARD_URL, "https://grafana.example.com/d/orders");
  }

  @Test
  void writeState_restoredEvaluatorContinuesWhereItStopped() throws Exception {
    fire();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    evaluator.writeState(new java.io.DataOutputStream(bytes));
    AlertEvaluator restored = new AlertEvaluator(AlertPolicy.DEFAULT, clock);
    restored.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));

    assertThat(restored.active()).isEqualTo(evaluator.active());
    clock.advance(Duration.ofMinutes(1));
    assertThat(restored.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG)).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    restored.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG);
    clock.advance(Duration.ofMinutes(5));
    assertThat(restored.update(product(slo("fresh", SloState.HEALTHY, calm())), CATALOG))
        .extracting(AlertTransition::transition).containsExactly(AlertStateTransition.FIRING_TO_RESOLVED);
  }

  private void fire() {
    evaluator.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG);
    clock.advance(Duration.ofMinutes(2));
    assertThat(evaluator.update(product(slo("fresh", SloState.HEALTHY, pageBurn())), CATALOG))
        .extracting(AlertTransition::transition).containsExactly(AlertStateTransition.PENDING_TO_FIRING);
  }
}
