package io.meshwatch.collector.store;

import io.meshwatch.model.ProductId;
import java.time.Duration;

/** Opens the {@link SliSeries} of each SLO of each product. Thread-safe. */
public interface SliStore {

  /**
   * The series of {@code slo} of {@code product}, created empty if the store has none. A series that
   * exists is returned with its history, made to keep {@code window} from now on: history that
   * still fits the new window is kept, older history is dropped.
   */
  SliSeries open(ProductId product, String slo, Duration window);

  /** Forgets the series of {@code slo} of {@code product}; a later {@link #open} starts empty. */
  void drop(ProductId product, String slo);
}
