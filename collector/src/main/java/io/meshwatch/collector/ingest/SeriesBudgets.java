package io.meshwatch.collector.ingest;

/**
 * How many cumulative OTLP series one product and one token may have the collector track (to turn
 * them into deltas), so that no reporter can use up what others need: over its own budget a
 * product's or token's new series are refused while every other product's are accepted. The
 * collector-wide cap on top is {@link IngestLimits#maxSeries()}.
 *
 * @param perProduct series of one product, whoever reports them ({@code limits.seriesPerProduct})
 * @param perToken series one token created, over every product it writes ({@code limits.seriesPerToken});
 *     binds an admin token, which may write every product, since an ingest token's product budget
 *     binds first; never for a product holding less than a tenth of {@code perProduct}
 */
public record SeriesBudgets(int perProduct, int perToken) {

  /**
   * 10 000 series per product: a pipeline with 100 checks and 100 consumers (the label values kept
   * per product) exports about 700 cumulative series per replica. 100 000 per token: an admin token
   * forwarding for many products (a central OpenTelemetry Collector) has room for ten products at
   * their whole budget.
   */
  public static final SeriesBudgets DEFAULTS = new SeriesBudgets(10_000, 100_000);

  public SeriesBudgets {
    if (perProduct < 1) {
      throw new IllegalArgumentException("seriesPerProduct must be at least 1, got " + perProduct);
    }
    if (perToken < 1) {
      throw new IllegalArgumentException("seriesPerToken must be at least 1, got " + perToken);
    }
  }
}
