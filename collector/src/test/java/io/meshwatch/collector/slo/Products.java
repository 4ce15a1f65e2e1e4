package io.meshwatch.collector.slo;

import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import java.util.List;

/** Products and SLOs for the engine's tests. */
final class Products {

  static final ProductId ORDERS = ProductId.parse("sales.orders");
  static final Duration WINDOW = Duration.ofDays(28);

  private Products() {}

  static DataProduct product(ProductId id, SloSpec... slos) {
    return new DataProduct(id, "sales-team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(slos));
  }

  static SloSpec slo(String name, SliKind kind, double objectivePercent) {
    return new SloSpec(name, kind, null, objectivePercent, WINDOW);
  }

  static SloSpec freshness(String name, Duration maxAge, double objectivePercent) {
    return new SloSpec(name, SliKind.FRESHNESS, new Threshold.MaxAge(maxAge), objectivePercent, WINDOW);
  }

  static SloSpec volume(String name, long minRows, long maxRows) {
    return new SloSpec(name, SliKind.VOLUME, new Threshold.RowBand(minRows, maxRows), 99, WINDOW);
  }
}
