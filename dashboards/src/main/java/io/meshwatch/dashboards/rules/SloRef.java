package io.meshwatch.dashboards.rules;

import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.SloSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One SLO of one product as the rules select it: by product and SLO name, the series' identity. */
record SloRef(DataProduct product, SloSpec slo) {
  /** The labels that identify an SLO's series once {@code instance} and {@code job} are aggregated away. */
  static final List<String> IDENTITY = CollectorMetric.SLO_BREACHING.labels();

  /** {@code product} and {@code slo} matchers, plus {@code more}. */
  Map<String, String> matchers(String... more) {
    Map<String, String> matchers = new TreeMap<>();
    matchers.put(Labels.PRODUCT_LABEL, product.id().toString());
    matchers.put(Labels.SLO_LABEL, slo.name());
    for (int i = 0; i + 1 < more.length; i += 2) {
      matchers.put(more[i], more[i + 1]);
    }
    return matchers;
  }

  /** {@code max by (product, domain, slo) (metric{product=..,slo=..})}: one series per SLO whoever scraped it. */
  String gauge(CollectorMetric metric) {
    return PromQl.aggregate("max", IDENTITY, PromQl.selector(metric, matchers()));
  }
}
