package io.meshwatch.collector.slo;

import io.meshwatch.model.ProductId;
import java.util.List;

/**
 * What {@link SloEngine#readState} restored: how many products and SLOs took their saved state, what
 * the snapshot held that the engine no longer has (products no longer registered, and SLOs
 * ({@code domain.product/slo}) no longer declared or declared with another kind), and the registered
 * products whose saved state could not be read or applied, which started empty.
 */
public record RestoredState(int products, int slos, List<ProductId> skippedProducts, List<String> skippedSlos,
    List<ProductId> failedProducts) {

  public RestoredState {
    skippedProducts = List.copyOf(skippedProducts);
    skippedSlos = List.copyOf(skippedSlos);
    failedProducts = List.copyOf(failedProducts);
  }
}
