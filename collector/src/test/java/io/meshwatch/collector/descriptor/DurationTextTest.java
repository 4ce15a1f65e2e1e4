package io.meshwatch.collector.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void parse_eachUnit() {
    assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationText.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("28d")).isEqualTo(Duration.ofDays(28));
    assertThat(DurationText.parse("4w")).isEqualTo(Duration.ofDays(28));
    assertThat(DurationText.parse("0s")).isZero();
  }

  @Test
  void parse_combinedUnitsLargestFirst() {
    assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationText.parse("1d12h")).isEqualTo(Duration.ofHours(36));
    assertThatThrownBy(() -> DurationText.parse("30m1h")).hasMessageContaining("largest first");
    assertThatThrownBy(() -> DurationText.parse("1h1h")).hasMessageContaining("largest first");
  }

  @Test
  void parse_rejectsOtherTextNamingIt() {
    for (String bad : new String[] {"", "1", "h", "1.5h", "-1h", "1 h", "1H", "1y", "PT1H"}) {
      assertThatThrownBy(() -> DurationText.parse(bad)).as(bad)
          .hasMessage("must be a duration such as 90s, 5m, 1h, 28d or 4w, got '" + bad + "'");
    }
    assertThatThrownBy(() -> DurationText.parse("99999999999999999999w")).hasMessageContaining("too long");
  }

  @Test
  void format_usesTheLargestExactUnitUpToDays() {
    assertThat(DurationText.format(Duration.ofDays(28))).isEqualTo("28d");
    assertThat(DurationText.format(Duration.ofHours(36))).isEqualTo("36h");
    assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(DurationText.format(Duration.ofSeconds(61))).isEqualTo("61s");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
    assertThatThrownBy(() -> DurationText.format(Duration.ofNanos(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DurationText.format(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatThenParse_givesTheSameDuration() {
    for (Duration d : new Duration[] {Duration.ofMillis(7), Duration.ofSeconds(59), Duration.ofMinutes(5),
        Duration.ofHours(25), Duration.ofDays(400), Duration.ofSeconds(90061)}) {
      assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
    }
  }
}
