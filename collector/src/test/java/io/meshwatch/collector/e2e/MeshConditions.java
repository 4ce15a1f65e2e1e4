package io.meshwatch.collector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.alerting.AlertLabels;
import io.meshwatch.dashboards.rules.RuleLabels;
import io.meshwatch.model.AgentState;
import io.meshwatch.model.Severity;
import io.meshwatch.model.SloState;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What is wrong in the mesh at one moment, as sets of readable keys: the SLOs breaching
 * ({@code product/slo}), the burn-rate conditions holding ({@code product/slo/severity}) and the
 * silent agents ({@code product}). Read either from the collector's own status or from the alerts
 * Prometheus holds, so that the two can be compared.
 */
record MeshConditions(SortedSet<String> breaching, SortedSet<String> burning, SortedSet<String> silent) {

  /** The alert names of the generated rules (dashboards' {@code RuleLabels}, package-private there, spells the same). */
  static final String ALERT_BREACHING = AlertLabels.ALERTNAME_BREACHING;
  static final String ALERT_BURN_RATE = AlertLabels.ALERTNAME_BURN_RATE;
  static final String ALERT_AGENT_SILENT = RuleLabels.ALERT_AGENT_SILENT;

  private static final Set<String> ACTIVE = Set.of("pending", "firing");

  MeshConditions {
    breaching = new TreeSet<>(breaching);
    burning = new TreeSet<>(burning);
    silent = new TreeSet<>(silent);
  }

  /**
   * The collector's conditions, from {@code GET /api/v1/slos} and {@code GET /api/v1/products}: an SLO
   * in state {@code breaching}; a severity whose burn condition burns while the SLO is not
   * {@code no_data} ({@code SloStatus#burning(Severity)}, as the API shows it); an agent {@code silent}.
   */
  static MeshConditions ofCollector(JsonNode slos, JsonNode products) {
    SortedSet<String> breaching = new TreeSet<>();
    SortedSet<String> burning = new TreeSet<>();
    SortedSet<String> silent = new TreeSet<>();
    for (JsonNode slo : slos.path("slos")) {
      String key = slo.path("product").asText() + "/" + slo.path("name").asText();
      String state = slo.path("state").asText();
      if (state.equals(SloState.BREACHING.label())) {
        breaching.add(key);
      }
      for (JsonNode alert : slo.path("alerts")) {
        if (!state.equals(SloState.NO_DATA.label()) && alert.path("burning").asBoolean()) {
          burning.add(key + "/" + alert.path("severity").asText());
        }
      }
    }
    for (JsonNode product : products.path("products")) {
      if (product.path("status").path("agent").asText().equals(AgentState.SILENT.label())) {
        silent.add(product.path("id").asText());
      }
    }
    return new MeshConditions(breaching, burning, silent);
  }

  /** Prometheus's conditions: the generated rules' alerts that are pending or firing. */
  static MeshConditions ofPrometheus(List<PrometheusApi.Alert> alerts) {
    SortedSet<String> breaching = new TreeSet<>();
    SortedSet<String> burning = new TreeSet<>();
    SortedSet<String> silent = new TreeSet<>();
    for (PrometheusApi.Alert alert : alerts) {
      if (!ACTIVE.contains(alert.state())) {
        continue;
      }
      String key = alert.label(AlertLabels.PRODUCT) + "/" + alert.label(AlertLabels.SLO);
      switch (alert.name()) {
        case ALERT_BREACHING -> breaching.add(key);
        case ALERT_BURN_RATE -> burning.add(key + "/" + alert.label(AlertLabels.SEVERITY));
        case ALERT_AGENT_SILENT -> silent.add(alert.label(AlertLabels.PRODUCT));
        default -> { }
      }
    }
    return new MeshConditions(breaching, burning, silent);
  }

  /** Whether the mesh shows each kind of trouble: something breaching, something burning, an agent silent. */
  boolean showsEveryKindOfTrouble() {
    return !breaching.isEmpty() && !burning.isEmpty() && !silent.isEmpty();
  }

  /** The burn conditions of {@code severity}. */
  SortedSet<String> burning(Severity severity) {
    SortedSet<String> of = new TreeSet<>();
    burning.stream().filter(key -> key.endsWith("/" + severity.label())).forEach(of::add);
    return of;
  }
}
