package io.meshwatch.collector.store;

import io.meshwatch.model.ProductId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link SliStore} that keeps every series in memory (see {@link MemorySliSeries} for the cost
 * of one). History is lost when the collector stops; a persistent store comes later.
 */
public final class MemorySliStore implements SliStore {

  private final Map<Key, MemorySliSeries> series = new ConcurrentHashMap<>();

  @Override
  public SliSeries open(ProductId product, String slo, Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("SLO window must be positive, got " + window + " for " + product + "/" + slo);
    }
    MemorySliSeries opened = series.computeIfAbsent(new Key(product, slo), key -> new MemorySliSeries(window));
    opened.resize(window);
    return opened;
  }

  @Override
  public void drop(ProductId product, String slo) {
    series.remove(new Key(product, slo));
  }

  private record Key(ProductId product, String slo) {}
}
