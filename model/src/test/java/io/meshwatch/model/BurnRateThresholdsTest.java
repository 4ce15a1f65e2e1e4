package io.meshwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BurnRateThresholdsTest {
  private static final BurnRateThresholds SRE = BurnRateThresholds.SRE_WORKBOOK;

  @Test
  void pageBurning_exactlyAtThresholdDoesNotBurnJustAboveDoes() {
    assertThat(SRE.pageBurning(Map.of(BurnWindow.H1, 14.4, BurnWindow.M5, 14.4))).isFalse();
    assertThat(SRE.pageBurning(Map.of(BurnWindow.H1, 14.41, BurnWindow.M5, 14.41))).isTrue();
    assertThat(SRE.pageBurning(Map.of(BurnWindow.H6, 6.0, BurnWindow.M30, 6.0))).isFalse();
    assertThat(SRE.pageBurning(Map.of(BurnWindow.H6, 6.01, BurnWindow.M30, 6.01))).isTrue();
  }

  @Test
  void pageBurning_needsBothWindowsOfAPair() {
    // Long window alone: the burning already stopped, the 5m window says so.
    assertThat(SRE.pageBurning(Map.of(BurnWindow.H1, 30.0, BurnWindow.M5, 2.0))).isFalse();
    // Short window alone: a spike, not yet 2 % of the budget.
    assertThat(SRE.pageBurning(Map.of(BurnWindow.H1, 2.0, BurnWindow.M5, 30.0))).isFalse();
    // Mixed pairs do not count.
    assertThat(SRE.pageBurning(Map.of(BurnWindow.H1, 30.0, BurnWindow.M30, 30.0))).isFalse();
  }

  @Test
  void pageBurning_missingOrNaNWindowIsNotBurning() {
    assertThat(SRE.pageBurning(Map.of(BurnWindow.H1, 30.0))).isFalse();
    assertThat(SRE.pageBurning(Map.of(BurnWindow.H1, 30.0, BurnWindow.M5, Double.NaN))).isFalse();
    assertThat(SRE.pageBurning(Map.of())).isFalse();
  }

  @Test
  void ticketBurning_atAndAboveItsThresholds() {
    assertThat(SRE.ticketBurning(Map.of(BurnWindow.D1, 3.0, BurnWindow.H2, 3.0))).isFalse();
    assertThat(SRE.ticketBurning(Map.of(BurnWindow.D1, 3.01, BurnWindow.H2, 3.01))).isTrue();
    assertThat(SRE.ticketBurning(Map.of(BurnWindow.D3, 1.0, BurnWindow.H6, 1.0))).isFalse();
    assertThat(SRE.ticketBurning(Map.of(BurnWindow.D3, 1.01, BurnWindow.H6, 1.01))).isTrue();
    assertThat(SRE.ticketBurning(Map.of(BurnWindow.H1, 100.0, BurnWindow.M5, 100.0))).isFalse();
  }

  @Test
  void custom_thresholdsAreUsed() {
    BurnRateThresholds strict = new BurnRateThresholds(2, 2, 1, 0.5);
    assertThat(strict.pageBurning(Map.of(BurnWindow.H1, 2.5, BurnWindow.M5, 2.5))).isTrue();
    assertThat(strict.ticketBurning(Map.of(BurnWindow.D3, 0.6, BurnWindow.H6, 0.6))).isTrue();
  }

  @Test
  void constructor_rejectsNonPositiveFactorsNamingTheField() {
    assertThatThrownBy(() -> new BurnRateThresholds(14.4, 0, 3, 1)).hasMessageContaining("pageSlow");
    assertThatThrownBy(() -> new BurnRateThresholds(Double.NaN, 6, 3, 1)).hasMessageContaining("pageFast");
  }
}
