package io.meshwatch.collector.slo;

import io.meshwatch.model.ProductId;
import java.util.List;

/**
 * What {@link SloEngine#readState} restored: how many products and SLOs took their saved state, and
 * what the snapshot held that the engine no longer has: products no longer registered, and SLOs
 * ({@code domain.product/slo}) no longer declared or declared with another kind.
 */
public record RestoredState(int products, int slos, List<ProductId> skippedProducts, List<String> skippedSlos) {

  public RestoredState {
    skippedProducts = List.copyOf(skippedProducts);
    skippedSlos = List.copyOf(skippedSlos);
  }
}
