package io.meshwatch.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.WindowSpan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StoreSnapshotTest {

  static final Instant NOW = Instant.parse("2024-03-10T12:05:30Z");
  static final Duration[] WINDOWS = {
      Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(28), Duration.ofDays(30),
      Duration.ofDays(92).plusHours(1)};

  /** Every answer of every series of a restored store equals the original's, also after both move on. */
  @Property(tries = 25)
  void readSnapshot_answersLikeTheOriginal(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    MemorySliStore original = new MemorySliStore();
    List<Slo> slos = new ArrayList<>();
    Instant now = NOW;
    for (int s = 0; s < 4; s++) {
      Duration window = WINDOWS[random.nextInt(WINDOWS.length)];
      slos.add(new Slo("slo-" + s, window));
      SliSeries series = series(original, s, slos);
      for (int e = random.nextInt(3) == 0 ? 0 : random.nextInt(150); e > 0; e--) {
        now = now.plusMillis(random.nextInt(300_000));
        long age = (long) (Math.pow(random.nextDouble(), 3) * series.retention().plusDays(2).toMillis());
        long good = random.nextInt(6);
        series.add(now.minusMillis(age), good, good + random.nextInt(4), now);
      }
    }

    MemorySliStore restored = MemorySliStore.readSnapshot(input(bytes(original)));

    assertSameAnswers(original, restored, slos, now, random);
    Instant later = now.plus(Duration.ofHours(7));
    for (int s = 0; s < slos.size(); s++) {
      for (MemorySliStore store : List.of(original, restored)) {
        series(store, s, slos).add(later.minusSeconds(30), 1, 2, later);
      }
    }
    assertSameAnswers(original, restored, slos, later, random);
  }

  @Test
  void writeSnapshot_ofARestoredStoreIsTheSameBytes() throws IOException {
    MemorySliStore original = new MemorySliStore();
    SliSeries series = original.open(product(0), "slo", Duration.ofDays(30));
    series.add(NOW.minus(Duration.ofDays(10)), 3, 4, NOW);
    series.add(NOW.minus(Duration.ofHours(1)), 1, 1, NOW);
    byte[] written = bytes(original);

    assertThat(bytes(MemorySliStore.readSnapshot(input(written)))).isEqualTo(written);
  }

  @Test
  void writeSnapshot_writesOnlyNonEmptyBuckets() throws IOException {
    MemorySliStore store = new MemorySliStore();
    store.open(product(0), "slo", Duration.ofDays(92).plusHours(1)).add(NOW, 1, 1, NOW);

    // One event is one bucket in each of the three tiers: far from the 3,433 buckets the tiers hold.
    assertThat(bytes(store).length).isLessThan(200);
  }

  @Test
  void readSnapshot_emptyStoreAndSeriesWithoutEvents() throws IOException {
    MemorySliStore store = new MemorySliStore();
    store.open(product(0), "quiet", Duration.ofDays(28));

    MemorySliStore restored = MemorySliStore.readSnapshot(input(bytes(store)));

    SliSeries quiet = restored.open(product(0), "quiet", Duration.ofDays(28));
    assertThat(quiet.firstEvent()).isNull();
    assertThat(quiet.counts(Duration.ofDays(28), NOW)).isEqualTo(Counts.ZERO);
    assertThat(quiet.add(NOW, 1, 1, NOW)).isTrue();
    assertThat(MemorySliStore.readSnapshot(input(bytes(new MemorySliStore()))).open(product(0), "quiet", Duration.ofDays(1))
        .counts(Duration.ofDays(1), NOW)).isEqualTo(Counts.ZERO);
  }

  @Test
  void readSnapshot_rejectsWhatIsNotASnapshot() {
    assertThatThrownBy(() -> MemorySliStore.readSnapshot(input("{\"json\": true}".getBytes())))
        .isInstanceOf(IOException.class).hasMessageContaining("not an SLI store snapshot");
  }

  @Test
  void readSnapshot_rejectsAnUnknownVersion() throws IOException {
    byte[] written = bytes(new MemorySliStore());
    ByteBuffer.wrap(written).putInt(4, 99);

    assertThatThrownBy(() -> MemorySliStore.readSnapshot(input(written)))
        .isInstanceOf(IOException.class).hasMessageContaining("version 99").hasMessageContaining("reads 1");
  }

  @Test
  void readSnapshot_rejectsATruncatedSnapshot() throws IOException {
    MemorySliStore store = new MemorySliStore();
    store.open(product(0), "slo", Duration.ofDays(1)).add(NOW, 1, 1, NOW);
    byte[] written = bytes(store);

    assertThatThrownBy(() -> MemorySliStore.readSnapshot(input(Arrays.copyOf(written, written.length - 3))))
        .isInstanceOf(IOException.class).hasMessageContaining("truncated");
  }

  @Test
  void readSnapshot_rejectsABucketOffTheRing() throws IOException {
    MemorySliStore store = new MemorySliStore();
    store.open(product(0), "slo", Duration.ofDays(1)).add(NOW, 1, 1, NOW);
    byte[] written = bytes(store);
    // The last bucket written is the five-minute tier's: age, good, total.
    ByteBuffer.wrap(written).putInt(written.length - 12, 864);

    assertThatThrownBy(() -> MemorySliStore.readSnapshot(input(written)))
        .isInstanceOf(IOException.class).hasMessageContaining("sales.p0/slo").hasMessageContaining("age=864");
  }

  private static void assertSameAnswers(MemorySliStore original, MemorySliStore restored, List<Slo> slos,
      Instant now, Random random) {
    for (int s = 0; s < slos.size(); s++) {
      SliSeries a = series(original, s, slos);
      SliSeries b = series(restored, s, slos);
      assertThat(b.retention()).isEqualTo(a.retention());
      assertThat(b.firstEvent()).isEqualTo(a.firstEvent());
      List<Duration> lookBacks = new ArrayList<>(List.of(a.retention(), Duration.ofDays(100)));
      for (BurnWindow burn : BurnWindow.values()) {
        lookBacks.add(burn.duration());
      }
      for (int i = 0; i < 10; i++) {
        lookBacks.add(Duration.ofMillis(1 + (long) (random.nextDouble() * a.retention().toMillis())));
      }
      for (Duration lookBack : lookBacks) {
        assertThat(b.resolution(lookBack)).isEqualTo(a.resolution(lookBack));
        assertThat(b.counts(lookBack, now)).as("%s look-back %s", slos.get(s), lookBack).isEqualTo(a.counts(lookBack, now));
      }
      for (int i = 0; i < 10; i++) {
        Instant from = now.minusMillis((long) (random.nextDouble() * a.retention().plusDays(1).toMillis()));
        WindowSpan span = new WindowSpan(from, from.plusMillis(1 + (long) (random.nextDouble() * 40 * 86_400_000L)));
        assertThat(b.counts(span, now)).as("%s span %s", slos.get(s), span).isEqualTo(a.counts(span, now));
      }
      WindowSpan all = new WindowSpan(now.minus(Duration.ofDays(100)), now.plusSeconds(1));
      assertThat(b.history(all, Duration.ofMinutes(1), now)).isEqualTo(a.history(all, Duration.ofMinutes(1), now));
    }
  }

  /** Opening with the window the series already has leaves it as it is. */
  private static SliSeries series(MemorySliStore store, int s, List<Slo> slos) {
    return store.open(product(s), slos.get(s).name(), slos.get(s).window());
  }

  record Slo(String name, Duration window) {}

  private static ProductId product(int s) {
    return new ProductId("sales", "p" + s);
  }

  private static byte[] bytes(MemorySliStore store) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.writeSnapshot(new DataOutputStream(out));
    return out.toByteArray();
  }

  private static DataInputStream input(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }
}
