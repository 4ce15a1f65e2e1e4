package io.meshwatch.collector.http;

import io.meshwatch.collector.descriptor.DescriptorJson;
import io.meshwatch.model.BudgetForecast;
import io.meshwatch.model.BurnAlert;
import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.DurationLabel;
import io.meshwatch.model.LearnedBaseline;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SloStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The REST view of a product: its descriptor plus its current status, in the API's snake-free camelCase. */
final class StatusJson {

  private StatusJson() {}

  static Map<String, Object> product(DataProduct product, @Nullable ProductStatus status) {
    Map<String, Object> out = new LinkedHashMap<>(DescriptorJson.toMap(product));
    out.put("status", status == null ? Map.of("agent", "not_evaluated_yet") : status(status));
    return out;
  }

  static Map<String, Object> status(ProductStatus status) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent", status.agent().label());
    out.put("breaching", status.breaching());
    out.put("lastSeen", status.lastSeen());
    out.put("dataTime", status.dataTime());
    out.put("dataAgeSeconds", status.dataAge() == null ? null : status.dataAge().toMillis() / 1000.0);
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

  private static @Nullable Double seconds(@Nullable Duration duration) {
    return duration == null ? null : duration.toMillis() / 1000.0;
  }
}
