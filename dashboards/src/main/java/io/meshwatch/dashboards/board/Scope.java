package io.meshwatch.dashboards.board;

import io.meshwatch.dashboards.rules.PromQl;
import io.meshwatch.model.CollectorMetric.Labels;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which products a dashboard's queries look at, as label matchers added to every selector: one
 * product, a domain's products picked by the {@code $product} variable, or the mesh's picked by the
 * {@code $domain} and {@code $team} variables.
 */
record Scope(Map<String, String> matchers) {

  Scope {
    matchers = Map.copyOf(new TreeMap<>(matchers));
  }

  static Scope product(String productId) {
    return new Scope(Map.of(Labels.PRODUCT_LABEL, "=" + PromQl.quote(productId)));
  }

  static Scope domain(String domain, String productVariable) {
    return new Scope(Map.of(Labels.DOMAIN_LABEL, "=" + PromQl.quote(domain),
        Labels.PRODUCT_LABEL, "=~" + PromQl.quote("$" + productVariable)));
  }

  static Scope mesh(String domainVariable, String teamVariable) {
    return new Scope(Map.of(Labels.DOMAIN_LABEL, "=~" + PromQl.quote("$" + domainVariable),
        Labels.PRODUCT_LABEL, "=~" + PromQl.quote("$" + teamVariable)));
  }
}
