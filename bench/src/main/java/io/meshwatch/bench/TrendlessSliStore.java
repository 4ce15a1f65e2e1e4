package io.meshwatch.bench;

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
import org.jspecify.annotations.Nullable;

/**
 * A {@link MemorySliStore} whose series answer every history with no buckets. The engine reads a
 * window's history only for the budget forecast's trend (a least-squares line through the
 * burn-down), which gives up below three points; so an evaluation tick on this store is the tick
 * without the trend, and the difference to the tick on the plain store is what the trend costs.
 */
final class TrendlessSliStore implements SliStore {

  private final MemorySliStore store = new MemorySliStore();

  @Override
  public SliSeries open(ProductId product, String slo, Duration window) {
    return new Trendless(store.open(product, slo, window));
  }

  @Override
  public void drop(ProductId product, String slo) {
    store.drop(product, slo);
  }

  @Override
  public void writeSeries(SliSeries series, DataOutput out) throws IOException {
    store.writeSeries(unwrap(series), out);
  }

  @Override
  public SliSeries readSeries(DataInput in) throws IOException {
    return new Trendless(store.readSeries(in));
  }

  @Override
  public SliSeries restore(ProductId product, String slo, SliSeries restored, Duration window) {
    return new Trendless(store.restore(product, slo, unwrap(restored), window));
  }

  private static SliSeries unwrap(SliSeries series) {
    if (series instanceof Trendless trendless) {
      return trendless.series();
    }
    throw new IllegalArgumentException("not a series of this store: " + series);
  }

  private record Trendless(SliSeries series) implements SliSeries {

    @Override
    public boolean add(Instant at, long good, long total, Instant now) {
      return series.add(at, good, total, now);
    }

    @Override
    public Counts counts(Duration lookBack, Instant now) {
      return series.counts(lookBack, now);
    }

    @Override
    public Duration resolution(Duration lookBack) {
      return series.resolution(lookBack);
    }

    @Override
    public long version() {
      return series.version();
    }

    @Override
    public Counts counts(WindowSpan span, Instant now) {
      return series.counts(span, now);
    }

    @Override
    public List<SliBucket> history(WindowSpan span, Duration step, Instant now) {
      return List.of();
    }

    @Override
    public @Nullable Instant firstEvent() {
      return series.firstEvent();
    }

    @Override
    public Duration retention() {
      return series.retention();
    }
  }
}
