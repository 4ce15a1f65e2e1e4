package io.meshwatch.collector.config;

import io.meshwatch.collector.ingest.IngestLimits;
import io.meshwatch.collector.ingest.SeriesBudgets;

/**
 * The budgets that keep one product or token from using up what every other one needs
 * (docs/CONFIG.md, "Limits").
 *
 * @param seriesPerProduct cumulative OTLP series the collector tracks for one product
 * @param seriesPerToken cumulative OTLP series one token may have created, over every product it writes
 * @param seriesTotal cumulative OTLP series the collector tracks in all: its memory cap
 * @param labelValuesPerProduct distinct values of one product's {@code check} and of its {@code consumer}
 *     label on {@code /metrics}; further ones are published as {@code _other}
 */
public record LimitsConfig(int seriesPerProduct, int seriesPerToken, int seriesTotal, int labelValuesPerProduct) {

  /** The most any of them may be set to: a billion series would need hundreds of GB of heap. */
  public static final int MAX = 100_000_000;

  /** 10 000 series per product, 100 000 per token, 1 000 000 in all, 100 label values per product. */
  public static final LimitsConfig DEFAULTS = new LimitsConfig(SeriesBudgets.DEFAULTS.perProduct(),
      SeriesBudgets.DEFAULTS.perToken(), IngestLimits.DEFAULT_MAX_SERIES, 100);

  public LimitsConfig {
    check("seriesPerProduct", seriesPerProduct);
    check("seriesPerToken", seriesPerToken);
    check("seriesTotal", seriesTotal);
    check("labelValuesPerProduct", labelValuesPerProduct);
    if (seriesPerProduct > seriesTotal || seriesPerToken > seriesTotal) {
      throw new IllegalArgumentException("limits.seriesPerProduct (" + seriesPerProduct + ") and limits.seriesPerToken ("
          + seriesPerToken + ") must be at most limits.seriesTotal (" + seriesTotal + ")");
    }
  }

  /** The per-product and per-token series budgets. */
  public SeriesBudgets seriesBudgets() {
    return new SeriesBudgets(seriesPerProduct, seriesPerToken);
  }

  private static void check(String field, int value) {
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("limits." + field + " must be between 1 and " + MAX + ", got " + value);
    }
  }
}
