package io.meshwatch.bench;

import io.meshwatch.collector.store.SliSeries;
import io.meshwatch.collector.store.SliStore;
import io.meshwatch.model.ProductId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peer of {@code MemorySliStore}: what a straightforward implementation does. Each series keeps
 * a one-minute bucket for every minute of its window and answers every window by summing its
 * buckets on each call ({@link NaiveSliSeries}).
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
}
