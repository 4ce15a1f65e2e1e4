package io.meshwatch.collector.slo;

import io.meshwatch.collector.store.Counts;
import io.meshwatch.collector.store.MemorySliStore;
import io.meshwatch.collector.store.SliBucket;
import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.WindowSpan;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A memory store whose series of chosen SLOs fail on demand, the way a fault in the engine's own
 * arithmetic would surface: every read and write of a broken series throws. The only way to make the
 * real engine fail at will; the real store does everything else.
 */
final class FaultySliStore implements SliStore {

  private final MemorySliStore store = new MemorySliStore();
  private final Set<String> broken = ConcurrentHashMap.newKeySet();

  /** Makes every series of {@code slo} of {@code product} throw until {@link #repair}. */
  void breakSeries(ProductId product, String slo) {
    broken.add(product + "/" + slo);
  }

  void repair(ProductId product, String slo) {
    broken.remove(product + "/" + slo);
  }

  @Override
  public SliSeries open(ProductId product, String slo, Duration window) {
    return new Series(product + "/" + slo, store.open(product, slo, window));
  }

  @Override
  public void drop(ProductId product, String slo) {
    store.drop(product, slo);
  }

  @Override
  public void writeSeries(SliSeries series, DataOutput out) throws IOException {
    store.writeSeries(((Series) series).series, out);
  }

  @Override
  public SliSeries readSeries(DataInput in) throws IOException {
    return store.readSeries(in);
  }

  @Override
  public SliSeries restore(ProductId product, String slo, SliSeries restored, Duration window) {
    String key = product + "/" + slo;
    if (broken.contains(key)) {
      throw new IllegalStateException("broken on purpose: " + key);
    }
    return new Series(key, store.restore(product, slo, restored, window));
  }

  private final class Series implements SliSeries {
    private final String key;
    private final SliSeries series;

    Series(String key, SliSeries series) {
      this.key = key;
      this.series = series;
    }

    private SliSeries checked() {
      if (broken.contains(key)) {
        throw new ArithmeticException("broken on purpose: " + key);
      }
      return series;
    }

    @Override
    public boolean add(Instant at, long good, long total, Instant now) {
      return checked().add(at, good, total, now);
    }

    @Override
    public Counts counts(Duration lookBack, Instant now) {
      return checked().counts(lookBack, now);
    }

    @Override
    public Duration resolution(Duration lookBack) {
      return checked().resolution(lookBack);
    }

    @Override
    public Counts counts(WindowSpan span, Instant now) {
      return checked().counts(span, now);
    }

    @Override
    public List<SliBucket> history(WindowSpan span, Duration step, Instant now) {
      return checked().history(span, step, now);
    }

    @Override
    public long version() {
      return checked().version();
    }

    @Override
    public @Nullable Instant firstEvent() {
      return checked().firstEvent();
    }

    @Override
    public Duration retention() {
      return checked().retention();
    }
  }
}
