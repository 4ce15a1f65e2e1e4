package io.meshwatch.collector.store;

import static io.meshwatch.collector.store.SliStoreContract.DAY;
import static io.meshwatch.collector.store.SliStoreContract.FIVE_MINUTES;
import static io.meshwatch.collector.store.SliStoreContract.FOUR_WEEKS;
import static io.meshwatch.collector.store.SliStoreContract.HOUR;
import static io.meshwatch.collector.store.SliStoreContract.MINUTE;
import static io.meshwatch.collector.store.SliStoreContract.NOW;
import static io.meshwatch.collector.store.SliStoreContract.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.model.WindowSpan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The series codec's part of the {@link SliStore} contract: a series written and read back answers as before. */
interface SliStoreCodecContract {

  /** A new, empty store. */
  SliStore createStore();

  @Test
  default void restore_seriesReadBackAnswersAsTheOriginalAlsoAfterBothMoveOn() throws IOException {
    SliSeries original = createStore().open(PRODUCT, "slo", FOUR_WEEKS);
    for (int i = 0; i < 200; i++) {
      original.add(NOW.minus(Duration.ofMinutes(i * 173L)), i % 3, i % 3 + i % 2, NOW);
    }
    SliStore other = createStore();

    SliSeries read = other.readSeries(input(written(original)));
    assertThat(other.open(PRODUCT, "slo", FOUR_WEEKS).counts(FOUR_WEEKS, NOW)).as("detached until restored")
        .isEqualTo(Counts.ZERO);
    SliSeries restored = other.restore(PRODUCT, "slo", read, FOUR_WEEKS);

    assertSameAnswers(original, restored, NOW);
    assertThat(other.open(PRODUCT, "slo", FOUR_WEEKS).counts(FOUR_WEEKS, NOW)).isEqualTo(original.counts(FOUR_WEEKS, NOW));
    Instant later = NOW.plus(Duration.ofHours(5));
    for (SliSeries series : List.of(original, restored)) {
      series.add(later.minusSeconds(90), 1, 2, later);
    }
    assertSameAnswers(original, restored, later.plusSeconds(30));
  }

  @Test
  default void restore_resizesToTheWindowGiven() throws IOException {
    SliSeries original = createStore().open(PRODUCT, "slo", FOUR_WEEKS);
    original.add(NOW.minus(Duration.ofDays(10)), 1, 1, NOW);
    original.add(NOW.minus(Duration.ofDays(1)), 1, 2, NOW);
    SliStore other = createStore();

    SliSeries restored = other.restore(PRODUCT, "slo", other.readSeries(input(written(original))), DAY);

    assertThat(restored.retention()).isEqualTo(SliSeries.FINE_SPAN);
    assertThat(restored.counts(SliSeries.FINE_SPAN, NOW)).isEqualTo(new Counts(1, 2));
  }

  @Test
  default void readSeries_rejectsTruncatedInput() throws IOException {
    SliSeries original = createStore().open(PRODUCT, "slo", FOUR_WEEKS);
    original.add(NOW, 1, 1, NOW);
    byte[] bytes = written(original);

    assertThatThrownBy(() -> createStore().readSeries(input(Arrays.copyOf(bytes, bytes.length - 1))))
        .isInstanceOf(IOException.class);
  }

  private byte[] written(SliSeries series) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      createStore().writeSeries(series, out);
    }
    return bytes.toByteArray();
  }

  private static DataInputStream input(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }

  private static void assertSameAnswers(SliSeries expected, SliSeries actual, Instant now) {
    for (Duration lookBack : List.of(MINUTE, FIVE_MINUTES, HOUR, Duration.ofHours(6), DAY, Duration.ofDays(3), FOUR_WEEKS)) {
      assertThat(actual.counts(lookBack, now)).as(lookBack.toString()).isEqualTo(expected.counts(lookBack, now));
    }
    WindowSpan span = new WindowSpan(now.minus(Duration.ofDays(9)).plusSeconds(17), now.minusSeconds(3));
    assertThat(actual.counts(span, now)).isEqualTo(expected.counts(span, now));
    assertThat(actual.history(span, HOUR, now)).isEqualTo(expected.history(span, HOUR, now));
    assertThat(actual.firstEvent()).isEqualTo(expected.firstEvent());
    assertThat(actual.retention()).isEqualTo(expected.retention());
  }
}
