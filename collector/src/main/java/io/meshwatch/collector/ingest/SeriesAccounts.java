package io.meshwatch.collector.ingest;

import io.meshwatch.model.ProductId;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who holds how many of the tracked cumulative series: each product, each token that created some,
 * and the collector in all, against {@link SeriesBudgets} and the collector-wide cap. A product that
 * holds less than a tenth of its budget is refused neither by the cap nor by its token's budget, so
 * that neither, filled by others, can be what stops a product that reports a normal number of
 * series: not when other products fill the collector, nor when they fill the budget of a token they
 * share with it (a central OpenTelemetry Collector sending for many products with one token). The
 * collector may then hold up to the cap plus a tenth of the product budget per product, and a token
 * up to its budget plus as much. Only new series come here, not every point, so one lock is cheap.
 */
final class SeriesAccounts {

  private final SeriesBudgets budgets;
  private final int cap;
  private final int guaranteed;
  private final Map<ProductId, Integer> products = new HashMap<>();
  private final Map<String, Integer> tokens = new HashMap<>();
  private int total;

  SeriesAccounts(SeriesBudgets budgets, int cap) {
    this.budgets = budgets;
    this.cap = cap;
    this.guaranteed = Math.max(1, budgets.perProduct() / 10);
  }

  /** Counts one more series of {@code product} created by {@code token}; false, counting nothing, if a budget is full. */
  synchronized boolean reserve(ProductId product, @Nullable String token) {
    if (refusal(product, token) != null) {
      return false;
    }
    products.merge(product, 1, Integer::sum);
    if (token != null) {
      tokens.merge(token, 1, Integer::sum);
    }
    total++;
    return true;
  }

  /** A series {@link #reserve} counted is forgotten. */
  synchronized void release(ProductId product, @Nullable String token) {
    products.computeIfPresent(product, (id, n) -> n > 1 ? n - 1 : null);
    if (token != null) {
      tokens.computeIfPresent(token, (t, n) -> n > 1 ? n - 1 : null);
    }
    total--;
  }

  /** Which budget a new series of {@code product} by {@code token} is over, or null when there is room. */
  synchronized @Nullable Refusal refusal(ProductId product, @Nullable String token) {
    int held = products.getOrDefault(product, 0);
    if (held >= budgets.perProduct()) {
      return new Refusal("product " + product + " holds " + held + " cumulative series, its budget"
          + " (limits.seriesPerProduct " + budgets.perProduct() + ")", false);
    }
    int created = token == null ? 0 : tokens.getOrDefault(token, 0);
    if (created >= budgets.perToken() && held >= guaranteed) {
      return new Refusal("the token it is sent with created " + created + " cumulative series, its budget"
          + " (limits.seriesPerToken " + budgets.perToken() + "), and product " + product + " holds " + held
          + ", more than the " + guaranteed + " each product is always allowed", false);
    }
    if (total >= cap && held >= guaranteed) {
      return new Refusal("the collector holds " + total + " cumulative series, its limit (limits.seriesTotal " + cap
          + "), and product " + product + " holds " + held + ", more than the " + guaranteed + " each product is"
          + " always allowed", true);
    }
    return null;
  }

  synchronized int total() {
    return total;
  }

  synchronized int held(ProductId product) {
    return products.getOrDefault(product, 0);
  }

  /**
   * Why a new series is refused; {@code collectorWide} when the collector as a whole is full rather
   * than the product or token over its own budget.
   */
  record Refusal(String why, boolean collectorWide) {}
}
