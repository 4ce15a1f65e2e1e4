package io.meshwatch.collector.http;

import io.meshwatch.collector.descriptor.DescriptorJson;
import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductStatus;
import io.meshwatch.model.SloStatus;
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
    Map<String, Double> burnRates = new LinkedHashMap<>();
    for (BurnWindow window : BurnWindow.values()) {
      Double rate = slo.burnRates().get(window);
      if (rate != null) {
        burnRates.put(window.label(), rate);
      }
    }
    out.put("burnRates", burnRates);
    return out;
  }
}
