package io.meshwatch.collector.metrics;

import io.meshwatch.model.AgentState;
import io.meshwatch.model.BurnAlert;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.DurationLabel;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloState;
import io.meshwatch.model.SloStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each evaluation as gauges: one series per product, SLO (and burn window). Series of
 * products or SLOs that disappear are removed, so {@code /metrics} never shows a stale promise.
 * Unknown values (nothing measured yet) are NaN, which Prometheus stores as such. Thresholds come from
 * the SLO's spec (looked up in the catalog) or, where it declares none, from what was learned.
 */
public final class SloMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(SloMetrics.class);

  private static final Set<Duration> STANDARD_WINDOWS =
      Arrays.stream(BurnWindow.values()).map(BurnWindow::duration).collect(Collectors.toUnmodifiableSet());

  private final MeterRegistry registry;
  private final Function<ProductId, Optional<DataProduct>> products;
  private final Map<SeriesKey, Series> series = new HashMap<>();
  private final Set<ProductId> unpublishable = new HashSet<>();
  private Map<ProductId, Set<SeriesKey>> byProduct = Map.of();

  /** {@code products} finds the descriptor (and so the SLO specs) of an evaluated product. */
  public SloMetrics(MeterRegistry registry, Function<ProductId, Optional<DataProduct>> products) {
    this.registry = registry;
    this.products = products;
  }

  /**
   * Replaces the published values with {@code statuses}. Called from one thread at a time. A product
   * whose values cannot be published keeps the series it had, with {@code meshwatch_slo_error} 1 for
   * each of its SLOs (logged once), so that its alerts freeze and the error shows, and every other
   * product is published: one product never stops {@code /metrics}.
   */
  public synchronized void publish(List<ProductStatus> statuses) {
    Set<SeriesKey> seen = new HashSet<>();
    Map<ProductId, Set<SeriesKey>> published = new HashMap<>();
    for (ProductStatus product : statuses) {
      Set<SeriesKey> its = new HashSet<>();
      try {
        publish(its, product);
        unpublishable.remove(product.product());
      } catch (RuntimeException e) {
        if (unpublishable.add(product.product())) {
          LOG.warn("could not publish the status of {} on /metrics; its series keep their last values, its SLOs"
              + " show meshwatch_slo_error 1", product.product(), e);
        }
        its.addAll(byProduct.getOrDefault(product.product(), Set.of()));
        inError(its, product);
      }
      published.put(product.product(), its);
      seen.addAll(its);
    }
    byProduct = published;
    series.entrySet().removeIf(entry -> {
      if (seen.contains(entry.getKey())) {
        return false;
      }
      registry.remove(entry.getValue().gauge);
      return true;
    });
  }

  /** Sets the error gauge of every SLO of {@code product} to 1: those it had, and those its status names. */
  private void inError(Set<SeriesKey> its, ProductStatus product) {
    for (SeriesKey key : its) {
      Series held = key.metric == CollectorMetric.SLO_ERROR ? series.get(key) : null;
      if (held != null) {
        held.value = 1;
      }
    }
    for (SloStatus slo : product.slos()) {
      try {
        set(its, CollectorMetric.SLO_ERROR, productTags(product).and(Labels.SLO_LABEL, slo.slo()), 1);
      } catch (RuntimeException e) {
        // Even its identity cannot be published: the series it had are all there is.
      }
    }
  }

  private static Tags productTags(ProductStatus product) {
    return Tags.of(Labels.PRODUCT_LABEL, product.product().toString(), Labels.DOMAIN_LABEL, product.product().domain());
  }

  private void publish(Set<SeriesKey> seen, ProductStatus product) {
    Tags productTags = productTags(product);
    set(seen, CollectorMetric.PRODUCT_AGENT_SILENT, productTags, product.agent() == AgentState.SILENT ? 1 : 0);
    set(seen, CollectorMetric.PRODUCT_DATA_AGE_SECONDS, productTags,
        product.dataAge() == null ? Double.NaN : SloThresholds.seconds(product.dataAge()));
    for (SloStatus slo : product.slos()) {
      Tags sloTags = productTags.and(Labels.SLO_LABEL, slo.slo());
      set(seen, CollectorMetric.SLO_SLI, sloTags, orNaN(slo.sli()));
      set(seen, CollectorMetric.SLO_COMPLIANCE, sloTags, orNaN(slo.compliance()));
      set(seen, CollectorMetric.SLO_OBJECTIVE, sloTags, slo.objective());
      set(seen, CollectorMetric.SLO_ERROR_BUDGET_REMAINING, sloTags, orNaN(slo.errorBudgetRemaining()));
      set(seen, CollectorMetric.SLO_BREACHING, sloTags, slo.state() == SloState.BREACHING ? 1 : 0);
      set(seen, CollectorMetric.SLO_NO_DATA, sloTags, slo.state() == SloState.NO_DATA ? 1 : 0);
      set(seen, CollectorMetric.SLO_INSUFFICIENT_HISTORY, sloTags, slo.state() == SloState.INSUFFICIENT_HISTORY ? 1 : 0);
      set(seen, CollectorMetric.SLO_ERROR, sloTags, slo.state() == SloState.ERROR ? 1 : 0);
      for (BurnAlert alert : slo.burnAlerts()) {
        BurnCondition condition = alert.condition();
        set(seen, CollectorMetric.SLO_BURN_ALERT, sloTags.and(Labels.SEVERITY_LABEL, condition.severity().label(),
            Labels.CONDITION_LABEL, condition.label()), slo.holds(alert) ? 1 : 0);
      }
      for (BurnWindow window : BurnWindow.values()) {
        set(seen, CollectorMetric.SLO_BURN_RATE, sloTags.and(Labels.WINDOW_LABEL, window.label()),
            orNaN(slo.burnRates().get(window)));
      }
      customBurnWindows(seen, slo, sloTags);
      set(seen, CollectorMetric.SLO_WINDOW_SECONDS, sloTags, SloThresholds.seconds(slo.window().length()));
      thresholds(seen, slo, sloTags);
    }
  }

  // A condition on windows other than the standard seven can only be evaluated by Prometheus rules
  // if the rates over its own windows are published too.
  private void customBurnWindows(Set<SeriesKey> seen, SloStatus slo, Tags sloTags) {
    for (BurnAlert alert : slo.burnAlerts()) {
      Duration longWindow = alert.condition().longWindow();
      Duration shortWindow = alert.condition().shortWindow();
      if (!STANDARD_WINDOWS.contains(longWindow)) {
        set(seen, CollectorMetric.SLO_BURN_RATE, sloTags.and(Labels.WINDOW_LABEL, DurationLabel.of(longWindow)),
            orNaN(alert.longRate()));
      }
      if (!STANDARD_WINDOWS.contains(shortWindow)) {
        set(seen, CollectorMetric.SLO_BURN_RATE, sloTags.and(Labels.WINDOW_LABEL, DurationLabel.of(shortWindow)),
            orNaN(alert.shortRate()));
      }
    }
  }

  private void thresholds(Set<SeriesKey> seen, SloStatus slo, Tags sloTags) {
    if (slo.kind() == SliKind.FRESHNESS) {
      set(seen, CollectorMetric.SLO_FRESHNESS_THRESHOLD_SECONDS, sloTags, SloThresholds.freshnessSeconds(slo, spec(slo)));
    } else if (slo.kind() == SliKind.VOLUME) {
      double[] band = SloThresholds.volumeBand(slo, spec(slo));
      set(seen, CollectorMetric.SLO_VOLUME_BAND_ROWS, sloTags.and(Labels.BOUND_LABEL, "lower"), band[0]);
      set(seen, CollectorMetric.SLO_VOLUME_BAND_ROWS, sloTags.and(Labels.BOUND_LABEL, "upper"), band[1]);
    }
  }

  private @Nullable SloSpec spec(SloStatus slo) {
    return products.apply(slo.product())
        .flatMap(product -> product.slos().stream().filter(spec -> spec.name().equals(slo.slo())).findFirst())
        .orElse(null);
  }

  private void set(Set<SeriesKey> seen, CollectorMetric metric, Tags tags, double value) {
    SeriesKey key = new SeriesKey(metric, tags);
    seen.add(key);
    series.computeIfAbsent(key, this::register).value = value;
  }

  private Series register(SeriesKey key) {
    Series holder = new Series();
    holder.gauge = Gauge.builder(key.metric.canonicalName(), holder, h -> h.value)
        .description(key.metric.help())
        .tags(key.tags)
        .strongReference(true)
        .register(registry);
    return holder;
  }

  private static double orNaN(@Nullable Double value) {
    return value == null ? Double.NaN : value;
  }

  private record SeriesKey(CollectorMetric metric, Tags tags) {}

  private static final class Series {
    volatile double value = Double.NaN;
    @Nullable Gauge gauge;
  }
}
