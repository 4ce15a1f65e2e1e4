package io.meshwatch.collector.store;

import io.meshwatch.model.ProductId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link SliStore} that keeps every series in memory (see {@link MemorySliSeries} for the cost
 * of one). It survives a restart only through a snapshot the caller writes and reads back:
 *
 * <pre>{@code
 * try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
 *   store.writeSnapshot(out);
 * }
 * MemorySliStore restored = MemorySliStore.readSnapshot(new DataInputStream(Files.newInputStream(file)));
 * }</pre>
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

  @Override
  public void writeSeries(SliSeries written, DataOutput out) throws IOException {
    own(written).writeTo(out);
  }

  @Override
  public SliSeries readSeries(DataInput in) throws IOException {
    return MemorySliSeries.readFrom(in);
  }

  @Override
  public SliSeries restore(ProductId product, String slo, SliSeries restored, Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("SLO window must be positive, got " + window + " for " + product + "/" + slo);
    }
    MemorySliSeries own = own(restored);
    own.resize(window);
    series.put(new Key(product, slo), own);
    return own;
  }

  private static MemorySliSeries own(SliSeries given) {
    if (given instanceof MemorySliSeries own) {
      return own;
    }
    throw new IllegalArgumentException("not a series of a memory store: " + given.getClass().getName());
  }

  /**
   * Writes every series (its product, SLO, window, first event and buckets) in a versioned binary
   * format. Each series is written as it stands at one instant; series may keep changing meanwhile.
   */
  public void writeSnapshot(DataOutput out) throws IOException {
    StoreSnapshot.write(Map.copyOf(series), out);
  }

  /**
   * A store holding what {@link #writeSnapshot} wrote: every answer of every series is the original's.
   *
   * @throws IOException when the input is not a snapshot, of an unknown version, truncated or corrupt
   */
  public static MemorySliStore readSnapshot(DataInput in) throws IOException {
    MemorySliStore store = new MemorySliStore();
    store.series.putAll(StoreSnapshot.read(in));
    return store;
  }

  record Key(ProductId product, String slo) {}
}
