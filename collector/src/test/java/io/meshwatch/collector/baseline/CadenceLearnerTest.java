package io.meshwatch.collector.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.model.LearnedBaseline.FreshnessCadence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CadenceLearnerTest {

  /** A Monday, 00:00 UTC. */
  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void overdue_weekdayHourlyProductRaisesNothingAtTheWeekendAndIsLateWhenTwoHoursLate() {
    CadenceLearner learner = new CadenceLearner();
    Random jitter = new Random(1);
    // Four weeks of updates every hour, Monday 00:00 to Friday 23:00, each 0–5 min after the hour.
    Instant last = feedHourly(learner, jitter, MONDAY, 4 * 7 * 24, CadenceLearnerTest::weekday, ZoneOffset.UTC);
    Instant saturday = MONDAY.plus(WEEK.multipliedBy(4)).minus(DAY.multipliedBy(2));
    assertThat(last).isBetween(saturday.minus(HOUR), saturday);

    for (Instant now = last; now.isBefore(saturday.plus(DAY.multipliedBy(2))); now = now.plusSeconds(600)) {
      assertThat(learner.overdue(now, last)).as("weekend, %s", now).isFalse();
    }
    FreshnessCadence onSaturday = learner.baselineAt(saturday.plus(Duration.ofHours(12)), last);
    assertThat(onSaturday.weekly()).isTrue();
    assertThat(onSaturday.ready()).isTrue();
    assertThat(onSaturday.overdueAfter()).as("no update expected on Saturday").isNull();
    assertThat(onSaturday.typicalInterval()).isBetween(Duration.ofMinutes(55), Duration.ofMinutes(65));

    // Monday of week five: updates 00:00 to 08:00 arrive, then 09:00 and 10:00 do not.
    Instant monday = saturday.plus(DAY.multipliedBy(2));
    last = feedHourly(learner, jitter, monday, 9, CadenceLearnerTest::weekday, ZoneOffset.UTC);
    assertThat(learner.overdue(monday.plus(Duration.ofMinutes(9 * 60 + 10)), last)).as("09:10").isFalse();
    assertThat(learner.overdue(monday.plus(Duration.ofHours(11)), last)).as("11:00, 2 h late").isTrue();
    assertThat(learner.baselineAt(monday.plus(Duration.ofHours(11)), last).overdueAfter())
        .isBetween(Duration.ofMinutes(60), Duration.ofMinutes(120));
  }

  @Test
  void overdue_businessHoursProductIsLateOnMondayWithoutItsFirstUpdate() {
    CadenceLearner learner = new CadenceLearner();
    Random jitter = new Random(2);
    // Three weeks of updates every hour from 08:00 to 17:00 on weekdays.
    Instant last = feedHourly(learner, jitter, MONDAY, 3 * 7 * 24, CadenceLearnerTest::businessHour, ZoneOffset.UTC);
    Instant nextMonday = MONDAY.plus(WEEK.multipliedBy(3));
    assertThat(last).isBetween(nextMonday.minus(Duration.ofHours(55)), nextMonday.minus(Duration.ofHours(54)));

    for (Instant now = last; now.isBefore(nextMonday.plus(Duration.ofHours(9))); now = now.plusSeconds(600)) {
      assertThat(learner.overdue(now, last)).as("before Monday 09:00, %s", now).isFalse();
    }
    assertThat(learner.overdue(nextMonday.plus(Duration.ofHours(10)), last)).as("Monday 10:00").isTrue();
    assertThat(learner.baselineAt(nextMonday.plus(Duration.ofHours(10)), last).overdueAfter()).isNotNull();

    // The nights are expected silences too: Tuesday's first update is due at 08:00, not at 18:30.
    Instant mondayEvening = nextMonday.plus(Duration.ofHours(17));
    assertThat(learner.overdue(nextMonday.plus(Duration.ofHours(24 + 8)), mondayEvening)).isFalse();
    assertThat(learner.overdue(nextMonday.plus(Duration.ofHours(24 + 10)), mondayEvening)).isTrue();
  }

  @Test
  void overdue_weeklyCadenceFollowsTheConfiguredZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    CadenceLearner learner = new CadenceLearner(berlin);
    Instant start = LocalDateTime.of(2026, 1, 5, 0, 0).atZone(berlin).toInstant();
    Instant last = feedHourly(learner, new Random(3), start, 3 * 7 * 24, CadenceLearnerTest::businessHour, berlin);
    Instant nextMonday = start.plus(WEEK.multipliedBy(3));

    // 07:30 UTC on Monday is 08:30 in Berlin: the first update is due, not yet late.
    assertThat(learner.overdue(nextMonday.plus(Duration.ofMinutes(8 * 60 + 30)), last)).isFalse();
    assertThat(learner.overdue(nextMonday.plus(Duration.ofHours(10)), last)).isTrue();
  }

  @Test
  void overdue_flatHourlyProductIsLateAfterIntervalPlusMargin() {
    CadenceLearner learner = new CadenceLearner();
    Instant last = MONDAY;
    for (int i = 0; i <= 48; i++) {
      last = MONDAY.plus(HOUR.multipliedBy(i));
      learner.observe(last);
    }
    // p95 = 1 h, margin = max(30 min, 15 min).
    assertThat(learner.overdue(last.plus(Duration.ofMinutes(89)), last)).isFalse();
    assertThat(learner.overdue(last.plus(Duration.ofMinutes(91)), last)).isTrue();
    FreshnessCadence baseline = learner.baselineAt(last.plus(Duration.ofMinutes(91)), last);
    assertThat(baseline)
        .isEqualTo(new FreshnessCadence(HOUR, Duration.ofMinutes(90), false, 48, CadenceLearner.MIN_INTERVALS));
  }

  @Test
  void overdue_jitteredHourlyProductNeverFalseAlarms() {
    CadenceLearner learner = new CadenceLearner();
    // Updates due every hour, each up to 10 min early or late (uniform), so intervals of 40–80 min.
    Random jitter = new Random(42);
    Instant previous = null;
    int checks = 0;
    int falseAlarms = 0;
    for (int hour = 0; hour < 4 * 7 * 24; hour++) {
      Instant update = MONDAY.plus(HOUR.multipliedBy(hour)).plusSeconds(jitter.nextInt(-600, 600));
      if (previous != null) {
        // Just before the next update arrives is when a false alarm would show.
        for (Instant now = previous.plusSeconds(300); now.isBefore(update); now = now.plusSeconds(300)) {
          checks++;
          falseAlarms += learner.overdue(now, previous) ? 1 : 0;
        }
      }
      learner.observe(update);
      previous = update;
    }
    assertThat(checks).isGreaterThan(7_000);
    assertThat(falseAlarms).isZero();
    assertThat(learner.baselineAt(previous, previous).weekly()).as("every hour sees updates").isFalse();
    assertThat(learner.overdue(previous.plus(Duration.ofMinutes(125)), previous)).as("a missed update").isTrue();
  }

  @Test
  void overdue_businessHoursProductWithJitterAroundTheHourNeverFalseAlarms() {
    CadenceLearner learner = new CadenceLearner();
    // Every hour 08:00–17:00 on weekdays, up to 10 min early or late (uniform), so that some first
    // updates of the day land in the 07:00 hour; six weeks, judged once two weeks of history show that
    // nights and weekends are quiet (before that the cadence is flat and a weekend may alarm).
    Random jitter = new Random(11);
    Instant previous = null;
    int checks = 0;
    int falseAlarms = 0;
    for (int hour = 0; hour < 6 * 7 * 24; hour++) {
      Instant slot = MONDAY.plus(HOUR.multipliedBy(hour));
      if (!businessHour(LocalDateTime.ofInstant(slot, ZoneOffset.UTC))) {
        continue;
      }
      Instant update = slot.plusSeconds(jitter.nextInt(-600, 600));
      if (previous != null && previous.isAfter(MONDAY.plus(WEEK.multipliedBy(2)).plus(Duration.ofHours(8)))) {
        for (Instant now = previous.plusSeconds(300); now.isBefore(update); now = now.plusSeconds(300)) {
          checks++;
          falseAlarms += learner.overdue(now, previous) ? 1 : 0;
        }
      }
      learner.observe(update);
      previous = update;
    }
    assertThat(checks).isGreaterThan(7_000);
    assertThat(falseAlarms).isZero();
    assertThat(learner.baselineAt(previous, previous).weekly()).isTrue();
  }

  @Test
  void overdue_dailyProductIsLateAfterADayAndAHalfNotAfterTwoHours() {
    CadenceLearner learner = new CadenceLearner();
    Random jitter = new Random(5);
    Instant last = MONDAY;
    // Every day at 06:00, up to 10 min late, for 40 days (weekends included).
    for (int day = 0; day < 40; day++) {
      last = MONDAY.plus(DAY.multipliedBy(day)).plus(Duration.ofHours(6)).plusSeconds(jitter.nextInt(600));
      learner.observe(last);
    }
    assertThat(learner.overdue(last.plus(Duration.ofHours(26)), last)).as("2 h late").isFalse();
    assertThat(learner.overdue(last.plus(Duration.ofHours(35)), last)).isFalse();
    assertThat(learner.overdue(last.plus(Duration.ofHours(37)), last)).as("1.5 days").isTrue();
    assertThat(learner.baselineAt(last, last).weekly()).as("daily gaps are the cadence itself").isFalse();
  }

  @Test
  void overdue_falseBeforeMinimumHistory() {
    CadenceLearner learner = new CadenceLearner();
    Instant last = MONDAY;
    for (int i = 0; i <= CadenceLearner.MIN_INTERVALS - 1; i++) {
      last = MONDAY.plus(Duration.ofHours(2).multipliedBy(i));
      learner.observe(last);
    }
    assertThat(learner.overdue(last.plus(DAY.multipliedBy(3)), last)).as("19 intervals").isFalse();
    FreshnessCadence early = learner.baselineAt(last.plus(DAY), last);
    assertThat(early.ready()).isFalse();
    assertThat(early.overdueAfter()).isNull();

    learner.observe(last.plus(Duration.ofHours(2)));
    last = last.plus(Duration.ofHours(2));
    assertThat(learner.overdue(last.plus(DAY), last)).as("20 intervals over 40 h").isTrue();
  }

  @Test
  void overdue_falseWhileHistorySpansUnderADay() {
    CadenceLearner learner = new CadenceLearner();
    Instant last = MONDAY;
    for (int i = 0; i < 600; i++) {
      last = MONDAY.plus(Duration.ofMinutes(i));
      learner.observe(last);
    }
    FreshnessCadence baseline = learner.baselineAt(last.plus(HOUR), last);
    assertThat(baseline.samples()).isEqualTo(599);
    assertThat(baseline.ready()).isFalse();
    assertThat(learner.overdue(last.plus(DAY), last)).isFalse();
  }

  @Test
  void observe_ignoresRepeatsAndRegressions() {
    CadenceLearner learner = new CadenceLearner();
    learner.observe(MONDAY);
    learner.observe(MONDAY.plus(HOUR));
    learner.observe(MONDAY.plus(HOUR));
    learner.observe(MONDAY.plus(Duration.ofMinutes(30)));
    learner.observe(MONDAY.plus(HOUR.multipliedBy(2)));

    FreshnessCadence baseline = learner.baselineAt(MONDAY, MONDAY);
    assertThat(baseline.samples()).isEqualTo(2);
    assertThat(baseline.typicalInterval()).isEqualTo(HOUR);
  }

  @Test
  void observe_keepsFixedMemoryAfterTenThousandUpdates() throws IOException {
    CadenceLearner learner = new CadenceLearner();
    Instant last = MONDAY;
    for (int i = 0; i < 10_000; i++) {
      last = MONDAY.plus(Duration.ofMinutes(i));
      learner.observe(last);
    }
    assertThat(learner.ringLength()).isEqualTo(CadenceLearner.CAPACITY);
    assertThat(bytes(learner)).hasSizeLessThan(4_500);
    assertThat(learner.baselineAt(last, last).samples()).isEqualTo(9_999);
    // Every minute: p95 = 1 min, margin 15 min.
    assertThat(learner.overdue(last.plus(Duration.ofMinutes(15)), last)).isFalse();
    assertThat(learner.overdue(last.plus(Duration.ofMinutes(17)), last)).isTrue();
  }

  @Test
  void readFrom_restoresWhatWriteToWrote() throws IOException {
    ZoneId zone = ZoneId.of("America/New_York");
    CadenceLearner learner = new CadenceLearner(zone);
    Instant last = feedHourly(learner, new Random(9), MONDAY, 3 * 7 * 24, CadenceLearnerTest::businessHour, zone);

    byte[] written = bytes(learner);
    CadenceLearner read = CadenceLearner.readFrom(new DataInputStream(new ByteArrayInputStream(written)));

    assertThat(bytes(read)).isEqualTo(written);
    for (Instant now = last; now.isBefore(last.plus(WEEK)); now = now.plus(Duration.ofMinutes(45))) {
      assertThat(read.baselineAt(now, last)).isEqualTo(learner.baselineAt(now, last));
      assertThat(read.overdue(now, last)).isEqualTo(learner.overdue(now, last));
    }
    assertThat(read.baselineAt(last, last).weekly()).isTrue();
  }

  @Test
  void readFrom_judgesExactlyAsTheWriterWhenUpdateTimesHaveSubMillisecondParts() throws IOException {
    CadenceLearner learner = new CadenceLearner();
    // 20 intervals spanning a day but for 0.9 ms: kept to the millisecond, the span is a whole day.
    Instant first = MONDAY.plusNanos(900_000);
    learner.observe(first);
    for (int i = 1; i < 20; i++) {
      learner.observe(MONDAY.plus(HOUR.multipliedBy(i)));
    }
    Instant last = MONDAY.plus(DAY);
    learner.observe(last);

    CadenceLearner read = CadenceLearner.readFrom(new DataInputStream(new ByteArrayInputStream(bytes(learner))));

    assertThat(read.deadline(last)).isNotNull().isEqualTo(learner.deadline(last));
    assertThat(read.baselineAt(last, last)).isEqualTo(learner.baselineAt(last, last));
  }

  @Test
  void deadline_isNullUntilReadyThenTheInstantOverdueJudgesBy() {
    CadenceLearner learner = new CadenceLearner();
    Instant last = MONDAY;
    for (int i = 0; i < CadenceLearner.MIN_INTERVALS; i++) {
      last = MONDAY.plus(Duration.ofHours(2).multipliedBy(i));
      learner.observe(last);
    }
    assertThat(learner.deadline(last)).isNull();

    last = last.plus(Duration.ofHours(2));
    learner.observe(last);
    Instant deadline = learner.deadline(last);

    // p95 of 2 h intervals plus half of it.
    assertThat(deadline).isEqualTo(last.plus(Duration.ofHours(3)));
    assertThat(learner.overdue(deadline, last)).isFalse();
    assertThat(learner.overdue(deadline.plusMillis(1), last)).isTrue();
    assertThat(learner.zone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void readFrom_rejectsAnUnknownVersion() {
    byte[] written = {9, 0, 3, 'U', 'T', 'C'};
    assertThatThrownBy(() -> CadenceLearner.readFrom(new DataInputStream(new ByteArrayInputStream(written))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 9");
  }

  private static boolean weekday(LocalDateTime local) {
    return local.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) < 0;
  }

  private static boolean businessHour(LocalDateTime local) {
    return weekday(local) && local.getHour() >= 8 && local.getHour() <= 17;
  }

  /** Feeds an update 0–5 min after each of {@code hours} hours from {@code start} that {@code due} accepts. */
  private static Instant feedHourly(
      CadenceLearner learner, Random jitter, Instant start, int hours,
      java.util.function.Predicate<LocalDateTime> due, ZoneId zone) {
    Instant last = start;
    for (int hour = 0; hour < hours; hour++) {
      Instant slot = start.plus(HOUR.multipliedBy(hour));
      if (due.test(LocalDateTime.ofInstant(slot, zone))) {
        last = slot.plusSeconds(jitter.nextInt(300));
        learner.observe(last);
      }
    }
    return last;
  }

  private static byte[] bytes(CadenceLearner learner) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    learner.writeTo(new DataOutputStream(buffer));
    return buffer.toByteArray();
  }
}
