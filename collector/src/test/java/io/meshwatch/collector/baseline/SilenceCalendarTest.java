package io.meshwatch.collector.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SilenceCalendarTest {

  private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");

  @Test
  void effectiveInterval_ofLongGaps_isWhatTheHourByHourWalkFromTheStartGives() {
    Random random = new Random(12);
    for (int round = 0; round < 300; round++) {
      ZoneId zone = round % 3 == 0 ? ZoneId.of("Europe/Berlin") : round % 3 == 1 ? ZoneId.of("Asia/Kolkata") : ZoneId.of("UTC");
      boolean[] silent = new boolean[SilenceCalendar.SLOTS];
      int runs = 1 + random.nextInt(4);
      for (int r = 0; r < runs; r++) {
        int start = random.nextInt(SilenceCalendar.SLOTS);
        int length = 1 + random.nextInt(60);
        for (int h = 0; h < length; h++) {
          silent[(start + h) % SilenceCalendar.SLOTS] = true;
        }
      }
      SilenceCalendar calendar = new SilenceCalendar(zone, silent);
      Instant from = T0.plusSeconds(random.nextInt(14 * 86_400));
      Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 70)));

      assertThat(calendar.effectiveInterval(from, to)).as("round %d, %s to %s", round, from, to)
          .isEqualTo(walk(calendar, zone, silent, from, to));
    }
  }

  @Test
  void effectiveInterval_overCenturies_answersWithoutWalkingThem() {
    boolean[] silent = new boolean[SilenceCalendar.SLOTS];
    for (int h = 5 * 24; h < 7 * 24; h++) {
      silent[h] = true; // weekends
    }
    SilenceCalendar calendar = new SilenceCalendar(ZoneId.of("UTC"), silent);
    Instant monday = Instant.parse("2025-03-10T09:00:00Z");

    // From the end of the weekend before (Monday 00:00) to Monday 09:00, whatever came centuries earlier.
    assertThat(calendar.effectiveInterval(monday.minus(Duration.ofDays(366_000)), monday)).isEqualTo(Duration.ofHours(9));
  }

  /** The walk as it was: from {@code from}, silence by silence, hour by hour. */
  private static Duration walk(SilenceCalendar calendar, ZoneId zone, boolean[] silent, Instant from, Instant to) {
    Instant start = from;
    while (start.isBefore(to)) {
      Instant silence = null;
      for (Instant t = start; t.isBefore(to); t = next(t, zone)) {
        if (silent[SilenceCalendar.slotOf(t, zone)]) {
          silence = t;
          break;
        }
      }
      if (silence == null) {
        break;
      }
      Instant end = silence;
      for (int i = 0; i <= SilenceCalendar.SLOTS && silent[SilenceCalendar.slotOf(end, zone)]; i++) {
        end = next(end, zone);
      }
      if (end.isAfter(to)) {
        return Duration.between(start, silence);
      }
      start = end;
    }
    return start.isAfter(to) ? Duration.ZERO : Duration.between(start, to);
  }

  private static Instant next(Instant t, ZoneId zone) {
    return ZonedDateTime.ofInstant(t, zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
  }
}
