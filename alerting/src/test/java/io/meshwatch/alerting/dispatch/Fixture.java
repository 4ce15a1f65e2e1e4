package io.meshwatch.alerting.dispatch;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertCondition;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.model.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** Alerts, routes and an outbox for dispatcher tests. */
final class Fixture {
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration INTERVAL = Duration.ofMinutes(5);
  static final Duration REPEAT = Duration.ofHours(4);

  private Fixture() {}

  /** Groups by product: one group per product. */
  static RoutedTo route(String id, String receiver, boolean notifyInhibited) {
    return new RoutedTo(id, receiver, List.of("product"), WAIT, INTERVAL, REPEAT, notifyInhibited);
  }

  static Function<Alert, List<RoutedTo>> to(RoutedTo... routes) {
    List<RoutedTo> all = List.of(routes);
    return alert -> all;
  }

  static Alert firing(String fingerprint) {
    return firing(fingerprint, "sales.orders");
  }

  static Alert firing(String fingerprint, String product) {
    return alert(fingerprint, product, AlertState.FIRING);
  }

  static Alert resolved(String fingerprint) {
    return alert(fingerprint, "sales.orders", AlertState.RESOLVED);
  }

  static Alert alert(String fingerprint, String product, AlertState state) {
    ProductId id = ProductId.parse(product);
    return new Alert(fingerprint, id, fingerprint, AlertCondition.BURN_RATE_PAGE, state,
        Map.of("alertname", "MeshwatchErrorBudgetBurn", "product", product, "slo", fingerprint, "severity", "page"),
        Map.of("summary", product + " burns"), T0,
        state == AlertState.PENDING ? null : T0,
        state == AlertState.RESOLVED ? T0.plusSeconds(3600) : null);
  }

  static Alert withLabel(Alert alert, String name, String value) {
    Map<String, String> labels = new TreeMap<>(alert.labels());
    labels.put(name, value);
    return new Alert(alert.fingerprint(), alert.product(), alert.slo(), alert.condition(), alert.state(), labels,
        alert.annotations(), alert.activeAt(), alert.startsAt(), alert.endsAt());
  }

  /** Collects what the dispatcher hands to the outbox. */
  static final class Outbox implements Consumer<Notification> {
    final List<Notification> sent = new ArrayList<>();

    @Override
    public void accept(Notification notification) {
      sent.add(notification);
    }

    /** What was sent since the last call. */
    List<Notification> take() {
      List<Notification> taken = List.copyOf(sent);
      sent.clear();
      return taken;
    }
  }

  /** Each alert of a notification as "fingerprint state". */
  static List<String> told(Notification notification) {
    return notification.alerts().stream().map(alert -> alert.fingerprint() + " " + alert.state().label()).toList();
  }
}
