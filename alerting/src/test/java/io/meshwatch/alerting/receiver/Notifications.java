package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertCondition;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Notification;
import io.meshwatch.model.ProductId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts and notifications with every piece of context a receiver shows, for receiver tests. */
final class Notifications {
  static final ProductId ORDERS = ProductId.parse("sales.orders");
  static final Instant STARTS = Instant.parse("2025-03-01T10:02:00Z");
  static final Instant ENDS = Instant.parse("2025-03-01T10:12:00Z");
  static final URI EXTERNAL = URI.create("http://meshwatch.example.com:8080/");
  static final String ID = "n-42";

  private Notifications() {}

  /** A page-severity burn alert on {@code sales.orders}/{@code fresh}, with runbook and dashboard links. */
  static Alert firing() {
    return new Alert("a9eca24976ecb8cf", ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE, AlertState.FIRING,
        Map.of("alertname", "MeshwatchErrorBudgetBurn", "domain", "sales", "product", "sales.orders",
            "severity", "page", "sli", "freshness", "slo", "fresh", "team", "sales-data"),
        Map.of("summary", "sales.orders: SLO fresh is burning its error budget fast (page)",
            "budget_left", "37.5%", "burn_rates", "5m=18.00 1h=20.00",
            "runbook_url", "https://runbooks.example.com/orders", "dashboard_url", "https://grafana.example.com/d/orders"),
        STARTS.minusSeconds(120), STARTS, null);
  }

  /** A resolved ticket-severity alert on {@code sales.orders}/{@code complete}, without links. */
  static Alert resolved() {
    return new Alert("0123456789abcdef", ORDERS, "complete", AlertCondition.BURN_RATE_TICKET, AlertState.RESOLVED,
        Map.of("alertname", "MeshwatchErrorBudgetBurn", "domain", "sales", "product", "sales.orders",
            "severity", "ticket", "sli", "quality", "slo", "complete", "team", "sales-data"),
        Map.of("summary", "sales.orders: SLO complete is burning its error budget steadily (ticket)",
            "budget_left", "80.0%", "burn_rates", "2h=0.50 1d=0.40"),
        STARTS, STARTS, ENDS);
  }

  static Notification of(Notification.Purpose purpose, Alert... alerts) {
    return new Notification(ID, "sales-oncall", Map.of("product", "sales.orders"), List.of(alerts), purpose);
  }

  /** {@link #firing()} and {@link #resolved()} in one notification. */
  static Notification mixed() {
    return of(Notification.Purpose.NOTIFY, firing(), resolved());
  }
}
