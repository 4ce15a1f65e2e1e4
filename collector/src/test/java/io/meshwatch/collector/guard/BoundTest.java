package io.meshwatch.collector.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void check_namesTheBoundAndTheValue_andTellsWhichSideItFellOff() {
    assertThat(Bounds.COUNT.check(-5)).isEqualTo(new Violation(Violation.Side.BELOW,
        "must be a whole number from 0 to 9007199254740992, got -5"));
    assertThat(Bounds.COUNT.check(Bounds.MAX_COUNT + 1).side()).isEqualTo(Violation.Side.ABOVE);
    assertThat(Bounds.COUNT.check(Bounds.MAX_COUNT)).isNull();
    assertThat(Bounds.WINDOW.check(Duration.ofHours(999_999_999_999_999L))).isEqualTo(new Violation(Violation.Side.ABOVE,
        "must be a duration from 5m to 366d, got 999999999999999h"));
    assertThat(new Bound.Items(3).check(4).message()).isEqualTo("must be at most 3 items, got 4 items");
    assertThat(Bounds.BOOLEAN.check("yes").message()).isEqualTo("must be one of true, false, got 'yes'");
    assertThat(Bounds.DECLARED_TIME.check(Instant.parse("-999999999-01-01T00:00:00Z")).message())
        .isEqualTo("must be a time from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, got -999999999-01-01T00:00:00Z");
  }

  @Test
  void number_withOpenAndClosedEnds_refusesNonFiniteValues() {
    Bound.Number objective = new Bound.Number(0, false, 100, false);
    Bound.Number share = new Bound.Number(0, false, 100, true);

    assertThat(objective.describe()).isEqualTo("a number above 0 and below 100");
    assertThat(share.describe()).isEqualTo("a number above 0 and at most 100");
    assertThat(objective.check(0)).isNotNull();
    assertThat(objective.check(100)).isNotNull();
    assertThat(share.check(100)).isNull();
    assertThat(objective.check(Double.NaN)).isNotNull();
    assertThat(objective.check(Double.NEGATIVE_INFINITY).side()).isEqualTo(Violation.Side.BELOW);
    assertThat(Bounds.ROWS.check(1e300).message()).isEqualTo("must be a number from 0 to 9007199254740992, got 1.0E300");
  }

  @Test
  void recent_takesTheClockAndAnyInstantWithoutOverflow() {
    Bound.Recent dataTime = new Bound.Recent(Bounds.MAX_DATA_AGE, Duration.ofMinutes(5));

    assertThat(dataTime.check(NOW.minus(Bounds.MAX_DATA_AGE), NOW)).isNull();
    assertThat(dataTime.check(NOW.plus(Duration.ofMinutes(5)), NOW)).isNull();
    assertThat(dataTime.check(Instant.MIN, NOW)).extracting(Violation::side).isEqualTo(Violation.Side.BELOW);
    assertThat(dataTime.check(Instant.MAX, NOW).message()).isEqualTo("must be a time at most 3650d before and 5m after the "
        + "collector's clock (2026-11-25T10:00:00Z), got +1000000000-12-31T23:59:59.999999999Z (in the future)");
  }

  @Test
  void text_isShownByItsLengthAndStartWhenLong() {
    String megabyte = "x".repeat(1 << 20);

    assertThat(Bounds.NAME.check(megabyte).message())
        .isEqualTo("must be text of 1 to 256 characters, got 1048576 characters ('" + "x".repeat(40) + "…')");
    assertThat(Bounds.NAME.check("")).isNotNull();
    assertThat(Bounds.PROSE.check("")).isNull();
    assertThat(Shown.quoted("short")).isEqualTo("'short'");
  }

  @Test
  void table_findsEveryEntryByName_andRefusesAFieldWithout() {
    BoundsTable table = new BoundsTable("test", List.of(Field.of("rows", Bounds.ROWS), Field.of("check", Bounds.NAME)));

    assertThat(table.bound("rows", Bound.Number.class)).isSameAs(Bounds.ROWS);
    assertThat(table.markdown()).isEqualTo("| `rows` | a number from 0 to 9007199254740992 |\n"
        + "| `check` | text of 1 to 256 characters |\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.get("rowz"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("rowz");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.bound("check", Bound.Count.class))
        .isInstanceOf(IllegalStateException.class);
  }
}
