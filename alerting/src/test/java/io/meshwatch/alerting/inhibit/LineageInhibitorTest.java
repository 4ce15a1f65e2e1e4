package io.meshwatch.alerting.inhibit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertCondition;
import io.meshwatch.alerting.AlertLabels;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.model.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LineageInhibitorTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final ProductId RAW = ProductId.parse("sales.raw");
  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final ProductId REVENUE = ProductId.parse("finance.revenue");
  private static final ProductId CUSTOMERS = ProductId.parse("sales.customers");

  private final Map<ProductId, List<ProductId>> lineage = new HashMap<>();
  private final LineageInhibitor inhibitor = new LineageInhibitor(id -> lineage.getOrDefault(id, List.of()));

  @Test
  void inhibitions_chainOfThreeNamesTheRootForBothDownstreams() {
    chain(RAW, ORDERS, REVENUE);
    List<Alert> alerts = List.of(alert(RAW, "freshness", AlertState.FIRING), alert(ORDERS, "freshness", AlertState.FIRING),
        alert(REVENUE, "freshness", AlertState.FIRING));

    Map<String, Inhibition> inhibited = inhibitor.inhibitions(alerts);

    assertThat(inhibited).containsOnly(
        entry(fingerprint(ORDERS, "freshness"), Inhibition.by(RAW)),
        entry(fingerprint(REVENUE, "freshness"), Inhibition.by(RAW)));
  }

  @Test
  void inhibitions_pendingDownstreamIsInhibitedTooButOnlyFiringUpstreamsInhibit() {
    chain(RAW, ORDERS, REVENUE);

    Map<String, Inhibition> whileRootPending = inhibitor.inhibitions(List.of(alert(RAW, "freshness", AlertState.PENDING),
        alert(ORDERS, "freshness", AlertState.FIRING), alert(REVENUE, "freshness", AlertState.PENDING)));
    Map<String, Inhibition> afterRootResolved = inhibitor.inhibitions(List.of(resolved(RAW, "freshness"),
        alert(REVENUE, "freshness", AlertState.FIRING)));

    // raw is only pending: orders is the root cause now, and is paged
    assertThat(whileRootPending).containsOnly(entry(fingerprint(REVENUE, "freshness"), Inhibition.by(ORDERS)));
    assertThat(afterRootResolved).isEmpty();
  }

  @Test
  void inhibitions_onlySameKindAndOnlyFreshnessOrQuality() {
    chain(RAW, ORDERS);
    chain(ORDERS, REVENUE);

    Map<String, Inhibition> inhibited = inhibitor.inhibitions(List.of(
        alert(RAW, "quality", AlertState.FIRING),
        alert(ORDERS, "freshness", AlertState.FIRING),
        alert(ORDERS, "volume", AlertState.FIRING),
        alert(REVENUE, "quality", AlertState.FIRING),
        alert(REVENUE, "volume", AlertState.FIRING)));

    assertThat(inhibited).containsOnly(entry(fingerprint(REVENUE, "quality"), Inhibition.by(RAW)));
  }

  @Test
  void inhibitions_cycleEndsAndMembersDoNotMuteEachOther() {
    lineage.put(ORDERS, List.of(REVENUE));
    lineage.put(REVENUE, List.of(ORDERS, RAW));
    lineage.put(CUSTOMERS, List.of(ORDERS));

    Map<String, Inhibition> withoutOutsideCause = inhibitor.inhibitions(List.of(alert(ORDERS, "freshness", AlertState.FIRING),
        alert(REVENUE, "freshness", AlertState.FIRING), alert(CUSTOMERS, "freshness", AlertState.FIRING)));
    Map<String, Inhibition> withRawStale = inhibitor.inhibitions(List.of(alert(ORDERS, "freshness", AlertState.FIRING),
        alert(REVENUE, "freshness", AlertState.FIRING), alert(RAW, "freshness", AlertState.FIRING)));

    assertThat(withoutOutsideCause).containsOnlyKeys(fingerprint(CUSTOMERS, "freshness"));
    assertThat(withoutOutsideCause.get(fingerprint(CUSTOMERS, "freshness")).causes()).containsExactly(ORDERS, REVENUE);
    assertThat(withRawStale).containsOnly(entry(fingerprint(ORDERS, "freshness"), Inhibition.by(RAW)),
        entry(fingerprint(REVENUE, "freshness"), Inhibition.by(RAW)));
  }

  @Test
  void inhibitions_diamondNamesEveryRootNearestFirst() {
    ProductId left = ProductId.parse("sales.left");
    ProductId right = ProductId.parse("sales.right");
    ProductId farRoot = ProductId.parse("ops.far");
    // orders <- left <- raw, orders <- right <- raw: one root through two paths
    lineage.put(ORDERS, List.of(left, right));
    lineage.put(left, List.of(RAW));
    lineage.put(right, List.of(RAW, farRoot));

    Map<String, Inhibition> oneRoot = inhibitor.inhibitions(List.of(alert(RAW, "freshness", AlertState.FIRING),
        alert(left, "freshness", AlertState.FIRING), alert(right, "freshness", AlertState.FIRING),
        alert(ORDERS, "freshness", AlertState.FIRING)));
    Map<String, Inhibition> twoRoots = inhibitor.inhibitions(List.of(alert(RAW, "freshness", AlertState.FIRING),
        alert(farRoot, "freshness", AlertState.FIRING), alert(ORDERS, "freshness", AlertState.FIRING)));

    assertThat(oneRoot).containsOnly(entry(fingerprint(left, "freshness"), Inhibition.by(RAW)),
        entry(fingerprint(right, "freshness"), Inhibition.by(RAW)),
        entry(fingerprint(ORDERS, "freshness"), Inhibition.by(RAW)));
    assertThat(twoRoots.get(fingerprint(ORDERS, "freshness"))).isEqualTo(new Inhibition(RAW, List.of(RAW, farRoot)));
    assertThat(twoRoots).doesNotContainKeys(fingerprint(RAW, "freshness"), fingerprint(farRoot, "freshness"));
  }

  @Test
  void inhibitions_longChainAsksLineageOncePerProduct() {
    List<ProductId> products = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      products.add(ProductId.parse("mesh.p" + i));
    }
    for (int i = 1; i < products.size(); i++) {
      lineage.put(products.get(i), List.of(products.get(i - 1)));
    }
    AtomicInteger lookups = new AtomicInteger();
    LineageInhibitor counting = new LineageInhibitor(id -> {
      lookups.incrementAndGet();
      return lineage.getOrDefault(id, List.of());
    });

    Map<String, Inhibition> inhibited = counting.inhibitions(
        products.stream().map(p -> alert(p, "freshness", AlertState.FIRING)).toList());

    assertThat(inhibited).hasSize(199).allSatisfy((fingerprint, inhibition) ->
        assertThat(inhibition).isEqualTo(Inhibition.by(products.get(0))));
    // one closure walk per product: each walk asks for every product above it once
    assertThat(lookups.get()).isLessThanOrEqualTo(200 * 201 / 2);
  }

  @Test
  void annotate_namesTheRootOnceInSummaryAndAnnotation() {
    Alert alert = alert(ORDERS, "freshness", AlertState.FIRING);

    Alert annotated = LineageInhibitor.annotate(alert, Inhibition.by(RAW));
    Alert twice = LineageInhibitor.annotate(annotated, Inhibition.by(RAW));

    assertThat(annotated.annotations()).containsEntry(AlertLabels.INHIBITED_BY, "sales.raw")
        .containsEntry(AlertLabels.SUMMARY, "sales.orders: SLO freshness is burning (caused by upstream sales.raw)");
    assertThat(annotated).usingRecursiveComparison().ignoringFields("annotations").isEqualTo(alert);
    assertThat(twice).isEqualTo(annotated);
    assertThat(alert.annotations()).doesNotContainKey(AlertLabels.INHIBITED_BY);
  }

  @Test
  void new_inhibitionRootCauseMustLeadItsCauses() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new Inhibition(RAW, List.of(ORDERS, RAW)))
        .withMessageContaining("must be the first of its causes");
  }

  private void chain(ProductId... products) {
    for (int i = 1; i < products.length; i++) {
      lineage.put(products[i], List.of(products[i - 1]));
    }
  }

  private static String fingerprint(ProductId product, String kind) {
    return product + "/" + kind;
  }

  private static Alert alert(ProductId product, String kind, AlertState state) {
    return new Alert(fingerprint(product, kind), product, kind, AlertCondition.BURN_RATE_PAGE, state,
        Map.of(AlertLabels.PRODUCT, product.toString(), AlertLabels.SLI, kind),
        Map.of(AlertLabels.SUMMARY, product + ": SLO " + kind + " is burning"), T0,
        state == AlertState.FIRING ? T0 : null, null);
  }

  private static Alert resolved(ProductId product, String kind) {
    return new Alert(fingerprint(product, kind), product, kind, AlertCondition.BURN_RATE_PAGE, AlertState.RESOLVED,
        Map.of(AlertLabels.SLI, kind), Map.of(), T0, T0, T0.plusSeconds(60));
  }
}
