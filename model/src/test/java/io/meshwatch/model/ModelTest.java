package io.meshwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void productId_parsesDomainAndName() {
    ProductId id = ProductId.parse("sales.orders");
    assertThat(id.domain()).isEqualTo("sales");
    assertThat(id.name()).isEqualTo("orders");
    assertThat(id).hasToString("sales.orders");
  }

  @Test
  void productId_rejectsMalformedValuesNamingThem() {
    assertThatThrownBy(() -> ProductId.parse("orders")).hasMessageContaining("'orders'");
    assertThatThrownBy(() -> ProductId.parse("a.b.c")).hasMessageContaining("one dot");
    assertThatThrownBy(() -> ProductId.parse("Sales.orders")).hasMessageContaining("domain");
    assertThat(ProductId.isValid("sales.Orders")).isFalse();
  }

  @Test
  void sloSpec_rejectsWrongThresholdAndObjective_learnsAMissingThreshold() {
    assertThat(new SloSpec("fresh", SliKind.FRESHNESS, null, 99, Duration.ofDays(28)).learnsThreshold()).isTrue();
    assertThat(new SloSpec("q", SliKind.QUALITY, null, 99, Duration.ofDays(28)).learnsThreshold()).isFalse();
    assertThatThrownBy(
            () -> new SloSpec("fresh", SliKind.FRESHNESS, new Threshold.RowBand(1, 2), 99, Duration.ofDays(28)))
        .hasMessageContaining("cannot take a RowBand");
    assertThatThrownBy(() -> new SloSpec("q", SliKind.QUALITY, null, 100, Duration.ofDays(28)))
        .hasMessageContaining("below 100");
  }

  @Test
  void sloSpec_errorBudgetIsOneMinusObjective() {
    SloSpec slo = new SloSpec("q", SliKind.QUALITY, null, 99.5, Duration.ofDays(28));
    assertThat(slo.errorBudget()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void dataProduct_rejectsDuplicateSloNamesAndBadVersion() {
    SloSpec q = new SloSpec("q", SliKind.QUALITY, null, 99, Duration.ofDays(28));
    ProductId id = ProductId.parse("sales.orders");
    assertThatThrownBy(
            () -> new DataProduct(id, "team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(q, q)))
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () -> new DataProduct(id, "team", List.of(), "", List.of(), "1.0", List.of(), Links.NONE, List.of()))
        .hasMessageContaining("semver");
  }

  @Test
  void signals_rejectNegativeAndNonFiniteCounts() {
    ProductId id = ProductId.parse("sales.orders");
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> new Signal.QualityOutcome(id, now, "not_null", -1, 0, 0, 0))
        .hasMessageContaining("checksPassed");
    assertThatThrownBy(() -> new Signal.VolumeWritten(id, now, 1, Double.NaN)).hasMessageContaining("rows");
    assertThat(new Signal.VolumeWritten(id, now, 4, 100).rowsPerRun()).isEqualTo(25);
  }

  @Test
  void collectorMetric_prometheusNamesFollowMicrometerConvention() {
    assertThat(CollectorMetric.INGEST_REJECTED.prometheusName()).isEqualTo("meshwatch_ingest_rejected_total");
    assertThat(CollectorMetric.SLO_BURN_RATE.prometheusName()).isEqualTo("meshwatch_slo_burn_rate");
    assertThat(CollectorMetric.SLO_BURN_RATE.labels()).contains("window");
  }
}
