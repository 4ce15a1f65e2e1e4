package io.meshwatch.collector.store;

import io.meshwatch.model.ProductId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;

/**
 * Opens the {@link SliSeries} of each SLO of each product. Thread-safe.
 *
 * <p>A series also has a binary form, so that its owner (the SLO engine) can save it with the rest of
 * its state and restore it: {@link #writeSeries}, then {@link #readSeries} (which changes nothing in
 * the store, so a caller can read a whole snapshot before applying any of it) and {@link #restore}.
 */
public interface SliStore {

  /**
   * The series of {@code slo} of {@code product}, created empty if the store has none. A series that
   * exists is returned with its history, made to keep {@code window} from now on: history that
   * still fits the new window is kept, older history is dropped.
   */
  SliSeries open(ProductId product, String slo, Duration window);

  /** Forgets the series of {@code slo} of {@code product}; a later {@link #open} starts empty. */
  void drop(ProductId product, String slo);

  /**
   * Writes the state of {@code series}, one this store opened, so that {@link #readSeries} gives back
   * a series whose every answer, now and after the same later calls, is the original's. Callers keep
   * {@code series} from changing meanwhile.
   *
   * @throws IllegalArgumentException if this store did not open {@code series}
   */
  void writeSeries(SliSeries series, DataOutput out) throws IOException;

  /**
   * Reads a series {@link #writeSeries} wrote, detached: the store is unchanged until {@link #restore}.
   *
   * @throws IOException when the input is truncated or does not describe a series this store keeps
   */
  SliSeries readSeries(DataInput in) throws IOException;

  /**
   * Makes {@code restored} (from {@link #readSeries}) the series of {@code slo} of {@code product},
   * replacing any, made to keep {@code window} as {@link #open} would; returns the series to use.
   *
   * @throws IllegalArgumentException if {@code restored} does not come from this store's {@link #readSeries}
   */
  SliSeries restore(ProductId product, String slo, SliSeries restored, Duration window);
}
