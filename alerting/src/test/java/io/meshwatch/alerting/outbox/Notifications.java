package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertCondition;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Notification;
import io.meshwatch.model.ProductId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds notifications for outbox tests. */
final class Notifications {
  static final Instant STARTS = Instant.parse("2025-03-01T09:55:00Z");

  private Notifications() {}

  /** A firing notification {@code id} to {@code receiver}, grouped by {@code group=<group>}. */
  static Notification firing(String id, String receiver, String group) {
    return notification(id, receiver, group, AlertState.FIRING);
  }

  static Notification resolved(String id, String receiver, String group) {
    return notification(id, receiver, group, AlertState.RESOLVED);
  }

  private static Notification notification(String id, String receiver, String group, AlertState state) {
    Alert alert = new Alert("fp-" + group, ProductId.parse("sales.orders"), "fresh", AlertCondition.BURN_RATE_PAGE, state,
        Map.of("product", "sales.orders", "group", group), Map.of("summary", "orders are stale"), STARTS, STARTS,
        state == AlertState.RESOLVED ? STARTS.plusSeconds(600) : null);
    return new Notification(id, receiver, Map.of("group", group), List.of(alert), Notification.Purpose.NOTIFY);
  }
}
