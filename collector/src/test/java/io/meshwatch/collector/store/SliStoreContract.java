package io.meshwatch.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.ProductId;
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
 * this class and says how to make a fresh, empty store.
 */
abstract class SliStoreContract {

  static final ProductId PRODUCT = ProductId.parse("sales.orders");
  static final Instant NOW = Instant.parse("2024-03-10T12:05:30Z");
  static final Duration DAY = Duration.ofDays(1);
  static final Duration FOUR_WEEKS = Duration.ofDays(28);

  private SliStore store;

  /** A new, empty store. */
  abstract SliStore createStore();

  @BeforeEach
  void setUp() {
    store = createStore();
  }

  private SliSeries series(Duration window) {
    return store.open(PRODUCT, "slo", window);
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

    assertThat(series.add(NOW.minus(Duration.ofDays(3)), 1, 1, NOW)).isFalse();
    assertThat(series.add(NOW.minus(Duration.ofDays(3)).plusSeconds(60), 1, 1, NOW)).isTrue();

    assertThat(series.counts(Duration.ofDays(3), NOW)).isEqualTo(new Counts(1, 1));
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
}
