package io.meshwatch.collector.http;

import io.meshwatch.collector.descriptor.DescriptorJson;
import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.BurnAlert;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.DurationLabel;
import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST view of a product: its descriptor plus its current status, in the API's snake-free
 * camelCase. A product whose view cannot be built (a value some step cannot take) is shown by
 * {@link #product} as its id with an {@code error} status, so that one product never fails a list.
 */
final class StatusJson {

  private static final Logger LOG = LoggerFactory.getLogger(StatusJson.class);
  private static final Set<ProductId> UNRENDERABLE = ConcurrentHashMap.newKeySet();

  private StatusJson() {}

  /** The product's view; never throws for one product's values. */
  static Map<String, Object> product(DataProduct product, @Nullable ProductStatus status) {
    try {
      Map<String, Object> out = new LinkedHashMap<>(DescriptorJson.toMap(product));
      out.put("status", status == null ? Map.of("agent", "not_evaluated_yet") : status(status));
      UNRENDERABLE.remove(product.id());
      return out;
    } catch (RuntimeException e) {
      if (UNRENDERABLE.add(product.id())) {
        LOG.warn("could not show product {}; it is listed with an error status until it can be", product.id(), e);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", product.id().toString());
      out.put("status", Map.of("agent", status == null ? "not_evaluated_yet" : status.agent().label(),
          "error", "could not show the product: " + e));
      return out;
    }
  }

  static Map<String, Object> status(ProductStatus status) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent", status.agent().label());
    out.put("breaching", status.breaching());
    out.put("lastSeen", status.lastSeen());
    out.put("dataTime", status.dataTime());
    out.put("dataAgeSeconds", seconds(status.dataAge()));
    out.put("evaluatedAt", status.evaluatedAt());
    out.put("error", status.error());
    List<Map<String, Object>> slos = new ArrayList<>();
    for (SloStatus slo : status.slos()) {
      slos.add(slo(slo));
    }
    out.put("slos", slos);
    return out;
  }

  static Map<String, Object> slo(SloStatus slo) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", slo.slo());
    out.put("sli", slo.kind().label());
    out.put("state", slo.state().label());
    out.put("objective", slo.objective());
    out.put("current", slo.sli());
    out.put("compliance", slo.compliance());
    out.put("errorBudgetRemaining", slo.errorBudgetRemaining());
    out.put("errorBudgetConsumed", slo.errorBudgetConsumed());
    out.put("window", ordered("start", slo.window().start(), "end", slo.window().end()));
    out.put("events", ordered("good", slo.goodEvents(), "total", slo.totalEvents()));
    Map<String, Double> burnRates = new LinkedHashMap<>();
    for (BurnWindow window : BurnWindow.values()) {
      Double rate = slo.burnRates().get(window);
      if (rate != null) {
        burnRates.put(window.label(), rate);
      }
    }
    out.put("burnRates", burnRates);
    out.put("alerts", slo.burnAlerts().stream().map(StatusJson::burnAlert).toList());
    out.put("forecast", forecast(slo.forecast()));
    out.put("baseline", slo.baseline() == null ? null : baseline(slo.baseline()));
    return out;
  }

  private static Map<String, Object> burnAlert(BurnAlert alert) {
    Map<String, Object> out = new LinkedHashMap<>();
    BurnCondition condition = alert.condition();
    out.put("condition", condition.label());
    out.put("severity", condition.severity().label());
    out.put("longWindow", DurationLabel.of(condition.longWindow()));
    out.put("shortWindow", DurationLabel.of(condition.shortWindow()));
    out.put("budgetConsumed", condition.budgetShare());
    out.put("threshold", alert.threshold());
    out.put("longRate", alert.longRate());
    out.put("shortRate", alert.shortRate());
    out.put("burning", alert.burning());
    return out;
  }

  private static Map<String, Object> forecast(BudgetForecast forecast) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exhaustedInSecondsAtCurrentBurn", seconds(forecast.atCurrentBurn()));
    out.put("exhaustedInSecondsByTrend", seconds(forecast.byTrend()));
    return out;
  }

  private static Map<String, Object> baseline(LearnedBaseline baseline) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ready", baseline.ready());
    out.put("samples", baseline.samples());
    out.put("minSamples", baseline.minSamples());
    if (baseline instanceof LearnedBaseline.FreshnessCadence cadence) {
      out.put("kind", "freshness_cadence");
      out.put("typicalIntervalSeconds", seconds(cadence.typicalInterval()));
      out.put("overdueAfterSeconds", seconds(cadence.overdueAfter()));
      out.put("weekly", cadence.weekly());
    } else if (baseline instanceof LearnedBaseline.VolumeBand band) {
      out.put("kind", "volume_band");
      out.put("medianRows", band.medianRows());
      out.put("madRows", band.madRows());
      out.put("minRows", band.minRows());
      out.put("maxRows", band.maxRows());
    }
    return out;
  }

  private static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(key1, value1);
    out.put(key2, value2);
    return out;
  }

  /** Seconds as a double: no millisecond count to overflow, whatever the duration. */
  static @Nullable Double seconds(@Nullable Duration duration) {
    return duration == null ? null : duration.getSeconds() + duration.getNano() / 1e9;
  }
}
