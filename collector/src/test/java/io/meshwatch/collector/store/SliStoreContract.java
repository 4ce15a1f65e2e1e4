package io.meshwatch.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.WindowSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SliStore} and its {@link SliSeries} must do. An implementation's test extends
 * this class and says how to make a fresh, empty store; the series codec's part of the contract is
 * {@link SliStoreCodecContract}.
 */
abstract class SliStoreContract implements SliStoreCodecContract {

  static final ProductId PRODUCT = ProductId.parse("sales.orders");
  static final Instant NOW = Instant.parse("2024-03-10T12:05:30Z");
  static final Duration DAY = Duration.ofDays(1);
  static final Duration FOUR_WEEKS = Duration.ofDays(28);

  private SliStore store;

  @Override
  public abstract SliStore createStore();

  @BeforeEach
  void setUp() {
    store = createStore();
  }

  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  static final Duration HOUR = Duration.ofHours(1);

  private SliSeries series(Duration window) {
    return store.open(PRODUCT, "slo", window);
  }

  @Test
  void version_changesWhenSettledHistoryChanges_notForEventsOfTheCurrentFiveMinutes() {
    SliSeries series = series(DAY);
    long before = series.version();
    // NOW is 12:05:30: 12:05 holds the current 5-minute bucket.
    series.add(Instant.parse("2024-03-10T12:05:00Z"), 1, 1, NOW);
    assertThat(series.version()).isEqualTo(before);
    series.add(Instant.parse("2024-03-10T12:04:59Z"), 1, 1, NOW);
    assertThat(series.version()).isGreaterThan(before);
  }

  @Test
  void counts_emptySeriesHasNothing() {
    assertThat(series(DAY).counts(Duration.ofMinutes(5), NOW)).isEqualTo(Counts.ZERO);
    assertThat(series(DAY).counts(DAY, NOW)).isEqualTo(Counts.ZERO);
  }

  @Test
  void counts_sumsEventsWithinTheLookBack() {
    SliSeries series = series(DAY);
    series.add(NOW.minusSeconds(10), 3, 4, NOW);
    series.add(NOW.minus(Duration.ofMinutes(30)), 5, 5, NOW);
    series.add(NOW.minus(Duration.ofHours(20)), 0, 2, NOW);

    assertThat(series.counts(Duration.ofMinutes(5), NOW)).isEqualTo(new Counts(3, 4));
    assertThat(series.counts(Duration.ofHours(1), NOW)).isEqualTo(new Counts(8, 9));
    assertThat(series.counts(DAY, NOW)).isEqualTo(new Counts(8, 11));
  }

  @Test
  void counts_windowStartsAtAMinuteBoundary() {
    SliSeries series = series(DAY);
    // At 12:05:30 the 5m window is the minutes 12:01..12:05.
    series.add(Instant.parse("2024-03-10T12:01:00Z"), 1, 1, NOW);
    series.add(Instant.parse("2024-03-10T12:00:59.999Z"), 0, 1, NOW);

    assertThat(series.counts(Duration.ofMinutes(5), NOW)).isEqualTo(new Counts(1, 1));
    assertThat(series.counts(Duration.ofMinutes(6), NOW)).isEqualTo(new Counts(1, 2));
    assertThat(series.counts(Duration.ofMinutes(5), Instant.parse("2024-03-10T12:05:59.999Z")))
        .isEqualTo(new Counts(1, 1));
    assertThat(series.counts(Duration.ofMinutes(5), Instant.parse("2024-03-10T12:06:00Z")))
        .isEqualTo(Counts.ZERO);
  }

  @Test
  void counts_eventsLeaveTheWindowAsTimeMoves() {
    SliSeries series = series(DAY);
    series.add(NOW, 1, 2, NOW);

    assertThat(series.counts(Duration.ofHours(1), NOW.plus(Duration.ofMinutes(59)))).isEqualTo(new Counts(1, 2));
    assertThat(series.counts(Duration.ofHours(1), NOW.plus(Duration.ofMinutes(60)))).isEqualTo(Counts.ZERO);
    assertThat(series.counts(DAY, NOW.plus(Duration.ofMinutes(60)))).isEqualTo(new Counts(1, 2));
  }

  @Test
  void add_laterThanNowCountsAsNow() {
    SliSeries series = series(DAY);
    series.add(NOW.plus(Duration.ofHours(2)), 1, 1, NOW);

    assertThat(series.counts(Duration.ofMinutes(1), NOW)).isEqualTo(new Counts(1, 1));
    // It stays in now's minute: it does not wait two hours in the future.
    assertThat(series.counts(Duration.ofMinutes(5), NOW.plus(Duration.ofMinutes(5)))).isEqualTo(Counts.ZERO);
  }

  @Test
  void add_olderThanTheSeriesKeepsIsDropped() {
    SliSeries series = series(DAY);
    // At 12:05:30 three days are the 864 five-minute buckets from 2024-03-07T12:10 on.

    assertThat(series.add(Instant.parse("2024-03-07T12:09:59.999Z"), 1, 1, NOW)).isFalse();
    assertThat(series.add(Instant.parse("2024-03-07T12:10:00Z"), 1, 1, NOW)).isTrue();

    assertThat(series.counts(Duration.ofDays(3), NOW)).isEqualTo(new Counts(1, 1));
    assertThat(series.counts(series.retention(), NOW)).isEqualTo(new Counts(1, 1));
  }

  @Test
  void add_rejectsCountsThatAreNotGoodOfTotal() {
    SliSeries series = series(DAY);

    assertThat(series.add(NOW, 2, 1, NOW)).isFalse();
    assertThat(series.add(NOW, -1, 1, NOW)).isFalse();
    assertThat(series.counts(DAY, NOW)).isEqualTo(Counts.ZERO);
  }

  @Test
  void counts_beyondThreeDaysAreWholeHours() {
    SliSeries series = series(FOUR_WEEKS);
    Instant windowStart = Instant.parse("2024-02-11T13:00:00Z"); // hour(NOW) - 671 hours
    series.add(windowStart, 1, 1, NOW);
    series.add(windowStart.minusMillis(1), 0, 1, NOW);
    series.add(NOW.minus(Duration.ofDays(10)), 0, 1, NOW);
    series.add(NOW.minus(Duration.ofMinutes(1)), 1, 1, NOW);

    assertThat(series.counts(FOUR_WEEKS, NOW)).isEqualTo(new Counts(2, 3));
    assertThat(series.counts(Duration.ofDays(3), NOW)).isEqualTo(new Counts(1, 1));
    assertThat(series.counts(Duration.ofDays(11), NOW)).isEqualTo(new Counts(1, 2));
  }

  @Test
  void add_olderThanALongWindowIsDropped() {
    SliSeries series = series(FOUR_WEEKS);

    assertThat(series.add(NOW.minus(Duration.ofDays(20)), 1, 1, NOW)).isTrue();
    assertThat(series.add(NOW.minus(Duration.ofDays(29)), 1, 1, NOW)).isFalse();
    assertThat(series.counts(FOUR_WEEKS, NOW)).isEqualTo(new Counts(1, 1));
  }

  @Test
  void retention_coversTheWindowAndThreeDays() {
    assertThat(series(DAY).retention()).isGreaterThanOrEqualTo(SliSeries.FINE_SPAN);
    assertThat(store.open(PRODUCT, "long", FOUR_WEEKS).retention()).isGreaterThanOrEqualTo(FOUR_WEEKS);
  }

  @Test
  void open_sameSloAgainKeepsHistory() {
    series(DAY).add(NOW, 1, 1, NOW);

    assertThat(series(DAY).counts(DAY, NOW)).isEqualTo(new Counts(1, 1));
    assertThat(store.open(PRODUCT, "other", DAY).counts(DAY, NOW)).isEqualTo(Counts.ZERO);
    assertThat(store.open(ProductId.parse("sales.refunds"), "slo", DAY).counts(DAY, NOW)).isEqualTo(Counts.ZERO);
  }

  @Test
  void open_longerWindowKeepsTheHistoryThatFits() {
    SliSeries series = series(DAY);
    series.add(NOW.minus(Duration.ofDays(2)), 1, 1, NOW);
    series.add(NOW, 0, 1, NOW);

    SliSeries longer = series(FOUR_WEEKS);

    assertThat(longer.counts(FOUR_WEEKS, NOW)).isEqualTo(new Counts(1, 2));
    assertThat(longer.counts(Duration.ofMinutes(5), NOW)).isEqualTo(new Counts(0, 1));
    assertThat(longer.add(NOW.minus(Duration.ofDays(10)), 1, 1, NOW)).isTrue();
  }

  @Test
  void open_shorterWindowDropsWhatNoLongerFits() {
    SliSeries series = series(FOUR_WEEKS);
    series.add(NOW.minus(Duration.ofDays(10)), 1, 1, NOW);
    series.add(NOW.minus(Duration.ofDays(2)), 1, 1, NOW);
    series.add(NOW, 0, 1, NOW);

    SliSeries shorter = series(DAY);

    assertThat(shorter.counts(DAY, NOW)).isEqualTo(new Counts(0, 1));
    assertThat(shorter.counts(Duration.ofDays(3), NOW)).isEqualTo(new Counts(1, 2));
    assertThat(shorter.counts(FOUR_WEEKS, NOW)).isEqualTo(new Counts(1, 2));
  }

  @Test
  void drop_forgetsHistory() {
    series(DAY).add(NOW, 1, 1, NOW);

    store.drop(PRODUCT, "slo");

    assertThat(series(DAY).counts(DAY, NOW)).isEqualTo(Counts.ZERO);
  }

  @Test
  void add_concurrentWritersLoseNothing() throws Exception {
    SliSeries series = series(DAY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        writers.add(() -> {
          for (int i = 0; i < 5_000; i++) {
            Instant now = NOW.plusSeconds(i / 100);
            series.add(now.minusSeconds(i % 120), i % 2, 1, now);
          }
          return null;
        });
      }
      for (Future<Void> done : pool.invokeAll(writers)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(series.counts(DAY, NOW.plusSeconds(50))).isEqualTo(new Counts(10_000, 20_000));
  }

  @Test
  void resolution_isTheFinestTierCoveringTheLookBack() {
    SliSeries series = series(FOUR_WEEKS);

    assertThat(series.resolution(Duration.ofMinutes(5))).isEqualTo(MINUTE);
    assertThat(series.resolution(Duration.ofHours(6))).isEqualTo(MINUTE);
    assertThat(series.resolution(Duration.ofHours(6).plusMillis(1))).isEqualTo(FIVE_MINUTES);
    assertThat(series.resolution(DAY)).isEqualTo(FIVE_MINUTES);
    assertThat(series.resolution(Duration.ofDays(3))).isEqualTo(FIVE_MINUTES);
    assertThat(series.resolution(Duration.ofDays(3).plusMillis(1))).isEqualTo(HOUR);
    assertThat(series.resolution(FOUR_WEEKS)).isEqualTo(HOUR);
    // Without an hour tier, a look-back beyond three days is what the five-minute tier keeps.
    assertThat(store.open(PRODUCT, "short", DAY).resolution(Duration.ofDays(5))).isEqualTo(FIVE_MINUTES);
  }

  @Test
  void counts_pastSixHoursAreWholeFiveMinutes() {
    SliSeries series = series(DAY);
    // 6h01m old: out of the 6h window (minutes from 06:06 on), in the 1d window at 5-minute resolution.
    series.add(NOW.minus(Duration.ofHours(6)).minus(MINUTE), 1, 1, NOW);
    // 06:05:00 is in the 6h+1m window: its 73 five-minute buckets start at 06:05.
    series.add(Instant.parse("2024-03-10T06:05:00Z"), 0, 1, NOW);
    series.add(Instant.parse("2024-03-10T06:06:00Z"), 1, 1, NOW);

    assertThat(series.counts(Duration.ofHours(6), NOW)).isEqualTo(new Counts(1, 1));
    assertThat(series.counts(Duration.ofHours(6).plus(MINUTE), NOW)).isEqualTo(new Counts(1, 2));
    assertThat(series.counts(DAY, NOW)).isEqualTo(new Counts(2, 3));
  }

  @Test
  void counts_pastThreeDaysAreWholeHoursOfALongWindow() {
    SliSeries series = series(FOUR_WEEKS);
    series.add(NOW.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(30)), 1, 1, NOW);
    series.add(NOW.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(30)), 0, 1, NOW);

    assertThat(series.counts(Duration.ofDays(3), NOW)).isEqualTo(new Counts(0, 1));
    assertThat(series.counts(Duration.ofDays(4), NOW)).isEqualTo(new Counts(1, 2));
    assertThat(series.counts(FOUR_WEEKS, NOW)).isEqualTo(new Counts(1, 2));
  }

  @Test
  void counts_spanReadsEachInstantOnce() {
    SliSeries series = series(FOUR_WEEKS);
    series.add(NOW.minusSeconds(10), 1, 1, NOW);                          // minutes
    series.add(NOW.minus(Duration.ofHours(5).plusMinutes(59)), 1, 1, NOW); // minutes, near the edge
    series.add(NOW.minus(Duration.ofHours(7)), 0, 1, NOW);                 // five minutes
    series.add(NOW.minus(Duration.ofDays(2)), 1, 1, NOW);                  // five minutes
    series.add(NOW.minus(Duration.ofDays(10)), 0, 1, NOW);                 // hours

    WindowSpan everything = new WindowSpan(NOW.minus(Duration.ofDays(60)), NOW.plus(DAY));
    assertThat(series.counts(everything, NOW)).isEqualTo(new Counts(3, 5));
    assertThat(series.counts(everything, NOW)).isEqualTo(series.counts(FOUR_WEEKS, NOW));
  }

  @Test
  void counts_spanAlignedToTheResolutionIsExact() {
    SliSeries series = series(FOUR_WEEKS);
    series.add(Instant.parse("2024-03-01T09:59:59Z"), 1, 1, NOW);
    series.add(Instant.parse("2024-03-01T10:00:00Z"), 1, 1, NOW);
    series.add(Instant.parse("2024-03-01T10:59:59Z"), 0, 1, NOW);
    series.add(Instant.parse("2024-03-10T11:04:59Z"), 1, 1, NOW);
    series.add(Instant.parse("2024-03-10T11:05:00Z"), 0, 1, NOW);

    WindowSpan hours = new WindowSpan(Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2024-03-01T11:00:00Z"));
    WindowSpan minutes = new WindowSpan(Instant.parse("2024-03-10T11:04:00Z"), Instant.parse("2024-03-10T11:05:00Z"));
    WindowSpan fromHoursToNow = new WindowSpan(Instant.parse("2024-03-01T10:00:00Z"), NOW);
    assertThat(series.counts(hours, NOW)).isEqualTo(new Counts(1, 2));
    assertThat(series.counts(minutes, NOW)).isEqualTo(new Counts(1, 1));
    assertThat(series.counts(fromHoursToNow, NOW)).isEqualTo(new Counts(2, 4));
  }

  @Test
  void counts_spanOfBucketsStartingWithinIt() {
    SliSeries series = series(DAY);
    series.add(Instant.parse("2024-03-10T01:02:00Z"), 1, 1, NOW); // five-minute bucket 01:00

    WindowSpan fromOneAM = new WindowSpan(Instant.parse("2024-03-10T01:00:00Z"), Instant.parse("2024-03-10T01:01:00Z"));
    WindowSpan fromOneOhOne = new WindowSpan(Instant.parse("2024-03-10T01:01:00Z"), Instant.parse("2024-03-10T01:05:00Z"));
    assertThat(series.counts(fromOneAM, NOW)).isEqualTo(new Counts(1, 1));
    assertThat(series.counts(fromOneOhOne, NOW)).isEqualTo(Counts.ZERO);
  }

  @Test
  void history_stepsAddUpToTheSpan() {
    SliSeries series = series(FOUR_WEEKS);
    series.add(NOW.minusSeconds(10), 1, 1, NOW);
    series.add(NOW.minus(Duration.ofMinutes(20)), 0, 2, NOW);
    series.add(NOW.minus(Duration.ofHours(8)), 1, 1, NOW);
    series.add(NOW.minus(Duration.ofDays(9)), 1, 3, NOW);
    WindowSpan month = new WindowSpan(NOW.minus(Duration.ofDays(30)), NOW.plusSeconds(1));

    List<SliBucket> daily = series.history(month, DAY, NOW);

    assertThat(daily).containsExactly(
        new SliBucket(Instant.parse("2024-03-01T00:00:00Z"), 1, 3),
        new SliBucket(Instant.parse("2024-03-10T00:00:00Z"), 2, 4));
    assertThat(daily.stream().mapToLong(SliBucket::total).sum()).isEqualTo(series.counts(month, NOW).total());
  }

  @Test
  void history_stepFinerThanTheResolutionGetsTheResolutionsBuckets() {
    SliSeries series = series(FOUR_WEEKS);
    series.add(Instant.parse("2024-03-05T07:40:00Z"), 1, 1, NOW);
    series.add(Instant.parse("2024-03-10T03:07:00Z"), 1, 1, NOW);
    series.add(Instant.parse("2024-03-10T12:01:10Z"), 0, 1, NOW);

    List<SliBucket> minutes = series.history(new WindowSpan(NOW.minus(Duration.ofDays(7)), NOW), MINUTE, NOW);

    assertThat(minutes).containsExactly(
        new SliBucket(Instant.parse("2024-03-05T07:00:00Z"), 1, 1),
        new SliBucket(Instant.parse("2024-03-10T03:05:00Z"), 1, 1),
        new SliBucket(Instant.parse("2024-03-10T12:01:00Z"), 0, 1));
  }

  @Test
  void firstEvent_isTheMinuteOfTheOldestCountedEvent() {
    SliSeries series = series(FOUR_WEEKS);
    assertThat(series.firstEvent()).isNull();

    series.add(Instant.parse("2024-03-10T11:00:42Z"), 1, 1, NOW);
    series.add(Instant.parse("2024-03-01T08:30:05Z"), 0, 1, NOW);
    series.add(NOW.minus(Duration.ofDays(40)), 1, 1, NOW); // dropped
    series.add(NOW.minus(Duration.ofDays(20)), 0, 0, NOW); // nothing counted

    assertThat(series.firstEvent()).isEqualTo(Instant.parse("2024-03-01T08:30:00Z"));
  }

  @Test
  void retention_isWholeBucketsOfTheCoarsestTier() {
    assertThat(series(DAY).retention()).isEqualTo(Duration.ofDays(3));
    assertThat(store.open(PRODUCT, "month", Duration.ofDays(30).plusMinutes(1)).retention())
        .isEqualTo(Duration.ofDays(30).plusHours(1));
  }

  @Test
  void open_quarterWindowKeepsItsStart() {
    Duration quarter = Duration.ofDays(92).plusHours(1);
    SliSeries series = series(quarter);

    assertThat(series.add(NOW.minus(Duration.ofDays(92)), 1, 1, NOW)).isTrue();
    assertThat(series.add(NOW.minus(quarter), 1, 1, NOW)).isFalse();
    assertThat(series.counts(quarter, NOW)).isEqualTo(new Counts(1, 1));
    assertThat(series.counts(new WindowSpan(NOW.minus(quarter), NOW), NOW)).isEqualTo(new Counts(1, 1));
  }
}
