package io.meshwatch.bench;

import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.ProductId;
import java.io.DataInput;
import java.io.DataOutput;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peer of {@code MemorySliStore}: what a straightforward implementation does. Each series keeps
 * a one-minute bucket for every minute of its window and answers every window by summing its
 * buckets on each call ({@link NaiveSliSeries}). It has no binary form: the benchmarks that use it
 * (the evaluation tick, heap per SLO) never snapshot it, so {@link #writeSeries}, {@link #readSeries}
 * and {@link #restore} refuse rather than pretend.
 */
final class NaiveSliStore implements SliStore {

  private final Map<String, NaiveSliSeries> series = new ConcurrentHashMap<>();

  @Override
  public SliSeries open(ProductId product, String slo, Duration window) {
    return series.computeIfAbsent(product + "/" + slo, key -> new NaiveSliSeries(window));
  }

  @Override
  public void drop(ProductId product, String slo) {
    series.remove(product + "/" + slo);
  }

  @Override
  public void writeSeries(SliSeries series, DataOutput out) {
    throw unsupported();
  }

  @Override
  public SliSeries readSeries(DataInput in) {
    throw unsupported();
  }

  @Override
  public SliSeries restore(ProductId product, String slo, SliSeries restored, Duration window) {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "the naive peer store has no snapshot form: only the tick and heap benchmarks use it, and they never snapshot");
  }
}
