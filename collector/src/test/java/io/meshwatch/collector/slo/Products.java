package io.meshwatch.collector.slo;

import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Products and SLOs for the engine's tests. SLOs here need no minimum history, so that a test judges
 * its first events; the tests of {@code insufficient_history} declare one.
 */
final class Products {

  static final ProductId ORDERS = ProductId.parse("sales.orders");
  static final Duration WINDOW = Duration.ofDays(28);

  private Products() {}

  static DataProduct product(ProductId id, SloSpec... slos) {
    return new DataProduct(id, "sales-team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(slos));
  }

  static SloSpec slo(String name, SliKind kind, double objectivePercent) {
    return spec(name, kind, null, objectivePercent, SloWindow.rolling(WINDOW));
  }

  static SloSpec freshness(String name, Duration maxAge, double objectivePercent) {
    return spec(name, SliKind.FRESHNESS, new Threshold.MaxAge(maxAge), objectivePercent, SloWindow.rolling(WINDOW));
  }

  static SloSpec volume(String name, long minRows, long maxRows) {
    return spec(name, SliKind.VOLUME, new Threshold.RowBand(minRows, maxRows), 99, SloWindow.rolling(WINDOW));
  }

  /** An SLO with the workbook's conditions that fit its window and no minimum history. */
  static SloSpec spec(String name, SliKind kind, @Nullable Threshold threshold, double objectivePercent,
      SloWindow window, Exclusion... exclusions) {
    return new SloSpec(name, kind, threshold, objectivePercent, window, List.of(exclusions),
        SloSpec.defaultConditions(window), Duration.ZERO);
  }
}
