package io.meshwatch.alerting;

import io.meshwatch.model.BurnAlert;
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
    annotations.put(AlertLabels.BURN_RATES, burnRates(status, condition));
    descriptor
        .flatMap(product -> Optional.ofNullable(product.links().runbook()))
        .ifPresent(runbook -> annotations.put(AlertLabels.RUNBOOK_URL, runbook.toString()));
    descriptor
        .flatMap(product -> Optional.ofNullable(product.links().dashboard()))
        .ifPresent(dashboard -> annotations.put(AlertLabels.DASHBOARD_URL, dashboard.toString()));
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

  /**
   * The burn conditions behind the alert as {@code page-1h-5m 15.20/16.00>14.40}: long and short
   * window rates against the threshold. A breach shows every condition.
   */
  private static String burnRates(SloStatus status, AlertCondition condition) {
    StringBuilder out = new StringBuilder();
    for (BurnAlert alert : status.burnAlerts()) {
      if (condition != AlertCondition.SLO_BREACHING && alert.condition().severity() != condition.severity()) {
        continue;
      }
      out.append(out.length() == 0 ? "" : ", ").append(alert.condition().label()).append(' ')
          .append(rate(alert.longRate())).append('/').append(rate(alert.shortRate()))
          .append('>').append(rate(alert.threshold()));
    }
    return out.length() == 0 ? "none" : out.toString();
  }

  private static String rate(Double rate) {
    return rate == null ? "-" : String.format(Locale.ROOT, "%.2f", rate);
  }

  private static String percent(Double ratio, int decimals) {
    return ratio == null ? "unknown" : String.format(Locale.ROOT, "%." + decimals + "f%%", ratio * 100);
  }

  // 0.995 prints as 99.5%, not 99.50% or 99.49999999999999%.
  private static String objective(double ratio) {
    return BigDecimal.valueOf(ratio * 100).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}
