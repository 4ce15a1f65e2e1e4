package io.meshwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SloWindowTest {

  private static final Instant NOW = Instant.parse("2026-03-29T12:00:00Z");

  @Test
  void rolling_endsNow() {
    SloWindow window = SloWindow.rolling(Duration.ofDays(28));
    assertThat(window.spanAt(NOW)).isEqualTo(new WindowSpan(NOW.minus(Duration.ofDays(28)), NOW));
    assertThat(window.label()).isEqualTo("28d");
  }

  @Test
  void calendarMonth_alignsToMidnightInItsZone() {
    SloWindow window = new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin"));
    // Berlin is at +01:00 on 1 March and +02:00 on 1 April (DST began 29 March 2026).
    assertThat(window.spanAt(NOW)).isEqualTo(
        new WindowSpan(Instant.parse("2026-02-28T23:00:00Z"), Instant.parse("2026-03-31T22:00:00Z")));
  }

  @Test
  void calendarWeekAndQuarter_startOnMondayAndTheQuarterFirstDay() {
    ZoneId utc = ZoneId.of("UTC");
    assertThat(new SloWindow.Calendar(CalendarPeriod.WEEK, utc).spanAt(NOW)) // a Sunday
        .isEqualTo(new WindowSpan(Instant.parse("2026-03-23T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")));
    assertThat(new SloWindow.Calendar(CalendarPeriod.QUARTER, utc).spanAt(Instant.parse("2026-05-15T00:00:00Z")))
        .isEqualTo(new WindowSpan(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z")));
  }

  @Test
  void burnCondition_scalesItsRateWithTheSloWindow() {
    BurnCondition fastPage = BurnCondition.SRE_WORKBOOK.get(0);
    assertThat(fastPage.burnRate(Duration.ofDays(30))).isCloseTo(14.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(fastPage.burnRate(Duration.ofDays(28))).isCloseTo(13.44, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(fastPage.burnRate(Duration.ofDays(7))).isCloseTo(3.36, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(BurnCondition.SRE_WORKBOOK).extracting(BurnCondition::burnRateAt30Days)
        .containsExactly(14.4, 6.0, 3.0, 1.0);
    assertThat(fastPage.label()).isEqualTo("page-1h-5m");
  }

  @Test
  void sloSpec_defaultConditionsFitTheWindow_andConditionsLongerThanItAreRefused() {
    SloSpec day = new SloSpec("q", SliKind.QUALITY, null, 99, Duration.ofDays(1));
    assertThat(day.burnConditions()).extracting(BurnCondition::label)
        .containsExactly("page-1h-5m", "page-6h-30m", "ticket-1d-2h");
    assertThat(day.minHistory()).isEqualTo(Duration.ofMinutes(144));
    assertThatThrownBy(() -> new SloSpec("q", SliKind.QUALITY, null, 99, SloWindow.rolling(Duration.ofDays(1)),
            java.util.List.of(), BurnCondition.SRE_WORKBOOK, Duration.ZERO))
        .hasMessageContaining("ticket-3d-6h looks back further than its window 1d");
  }
}
