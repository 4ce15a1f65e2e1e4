package io.meshwatch.alerting;

import io.meshwatch.model.BurnWindow;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.SloStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Labels and annotations of an SLO alert: what routing matches on, and what the on-call reads. A
 * product without a descriptor still alerts, just without team label and runbook: better an
 * unrouted page than none.
 */
final class AlertContent {
  private AlertContent() {}

  static Map<String, String> labels(SloStatus status, AlertCondition condition, Optional<DataProduct> descriptor) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(AlertLabels.ALERTNAME, condition.alertName());
    labels.put(AlertLabels.PRODUCT, status.product().toString());
    labels.put(AlertLabels.DOMAIN, status.product().domain());
    labels.put(AlertLabels.SLO, status.slo());
    labels.put(AlertLabels.SLI, status.kind().label());
    labels.put(AlertLabels.SEVERITY, condition.severity().label());
    descriptor.ifPresent(product -> labels.put(AlertLabels.TEAM, product.ownerTeam()));
    return labels;
  }

  static Map<String, String> annotations(SloStatus status, AlertCondition condition, Optional<DataProduct> descriptor) {
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(AlertLabels.SUMMARY, summary(status, condition));
    annotations.put(AlertLabels.BUDGET_LEFT, percent(status.errorBudgetRemaining(), 1));
    annotations.put(AlertLabels.BURN_RATES, burnRates(status.burnRates()));
    descriptor
        .flatMap(product -> Optional.ofNullable(product.links().runbook()))
        .ifPresent(runbook -> annotations.put(AlertLabels.RUNBOOK_URL, runbook.toString()));
    return annotations;
  }

  private static String summary(SloStatus status, AlertCondition condition) {
    String subject = status.product() + ": SLO " + status.slo();
    return switch (condition) {
      case BURN_RATE_PAGE -> subject + " is burning its error budget fast (page)";
      case BURN_RATE_TICKET -> subject + " is burning its error budget steadily (ticket)";
      case SLO_BREACHING -> subject + " is below its " + objective(status.objective()) + " objective"
          + (status.compliance() == null ? "" : " (compliance " + percent(status.compliance(), 2) + ")");
    };
  }

  private static String burnRates(Map<BurnWindow, Double> rates) {
    StringBuilder out = new StringBuilder();
    for (BurnWindow window : BurnWindow.values()) {
      Double rate = rates.get(window);
      if (rate != null) {
        out.append(out.length() == 0 ? "" : " ").append(window.label()).append('=')
            .append(String.format(Locale.ROOT, "%.2f", rate));
      }
    }
    return out.length() == 0 ? "none" : out.toString();
  }

  private static String percent(Double ratio, int decimals) {
    return ratio == null ? "unknown" : String.format(Locale.ROOT, "%." + decimals + "f%%", ratio * 100);
  }

  // 0.995 prints as 99.5%, not 99.50% or 99.49999999999999%.
  private static String objective(double ratio) {
    return BigDecimal.valueOf(ratio * 100).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}
