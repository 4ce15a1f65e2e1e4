package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

class AlertmanagerNotifierTest implements HttpNotifierContract {
  private static final Instant NOW = Instant.parse("2025-03-01T10:20:00Z");

  @RegisterExtension final FakeHttpReceiver receiver = new FakeHttpReceiver();

  @Override
  public FakeHttpReceiver receiver() {
    return receiver;
  }

  @Override
  public Notifier notifierAt(URI url, Duration timeout) {
    return Notifiers.create(new ReceiverTarget.Alertmanager(url),
        new NotifierSettings(Notifications.EXTERNAL, timeout, InstantSource.fixed(NOW)));
  }

  @Override
  public List<String> dedupKeys(Notification notification) {
    // Alertmanager identifies an alert by its label set.
    return notification.alerts().stream().map(alert -> "\"labels\":" + new JsonWriter().object(alert.labels())).toList();
  }

  @Test
  void send_postsAlertsWithEndsAtFourResendIntervalsAheadWhileFiring() {
    Notifier notifier = Notifiers.create(new ReceiverTarget.Alertmanager(receiver.url("/am/")),
        new NotifierSettings(Notifications.EXTERNAL, Duration.ofSeconds(5), InstantSource.fixed(NOW), Duration.ofSeconds(30)));

    DeliveryResult result = notifier.send(Notifications.mixed());

    assertThat(result).isEqualTo(DeliveryResult.delivered(200));
    FakeHttpReceiver.Request request = receiver.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/am/api/v2/alerts");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.body()).isEqualTo("["
        + "{\"labels\":{\"alertname\":\"MeshwatchErrorBudgetBurn\",\"domain\":\"sales\",\"product\":\"sales.orders\","
        + "\"severity\":\"page\",\"sli\":\"freshness\",\"slo\":\"fresh\",\"team\":\"sales-data\"},"
        + "\"annotations\":{\"budget_left\":\"37.5%\",\"burn_rates\":\"5m=18.00 1h=20.00\","
        + "\"dashboard_url\":\"https://grafana.example.com/d/orders\",\"runbook_url\":\"https://runbooks.example.com/orders\","
        + "\"summary\":\"sales.orders: SLO fresh is burning its error budget fast (page)\"},"
        + "\"startsAt\":\"2025-03-01T10:02:00Z\","
        + "\"endsAt\":\"2025-03-01T10:22:00Z\","
        + "\"generatorURL\":\"http://meshwatch.example.com:8080/products/sales.orders\"},"
        + "{\"labels\":{\"alertname\":\"MeshwatchErrorBudgetBurn\",\"domain\":\"sales\",\"product\":\"sales.orders\","
        + "\"severity\":\"ticket\",\"sli\":\"quality\",\"slo\":\"complete\",\"team\":\"sales-data\"},"
        + "\"annotations\":{\"budget_left\":\"80.0%\",\"burn_rates\":\"2h=0.50 1d=0.40\","
        + "\"summary\":\"sales.orders: SLO complete is burning its error budget steadily (ticket)\"},"
        + "\"startsAt\":\"2025-03-01T10:02:00Z\","
        + "\"endsAt\":\"2025-03-01T10:12:00Z\","
        + "\"generatorURL\":\"http://meshwatch.example.com:8080/products/sales.orders\"}"
        + "]");
  }

  @Test
  void send_defaultResendIntervalIsOneMinute() {
    notifierAt(receiver.url("/"), Duration.ofSeconds(5)).send(Notifications.of(Notification.Purpose.NOTIFY, Notifications.firing()));

    assertThat(receiver.onlyRequest().body()).contains("\"endsAt\":\"2025-03-01T10:24:00Z\"");
  }

  @Test
  void send_acknowledgementSendsNothing() {
    DeliveryResult result = notifierAt(receiver.url("/"), Duration.ofSeconds(5))
        .send(Notifications.of(Notification.Purpose.ACKNOWLEDGE, Notifications.firing()));

    assertThat(result).isEqualTo(DeliveryResult.delivered(200));
    assertThat(receiver.requests()).isEmpty();
  }

  /** Against Debian's Alertmanager 0.25, which judges endsAt by its own wall clock: so does the notifier here. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WithARealAlertmanager {
    private AlertmanagerProcess alertmanager;

    @BeforeAll
    void startAlertmanager() throws IOException {
      alertmanager = AlertmanagerProcess.start();
    }

    @AfterAll
    void stopAlertmanager() {
      if (alertmanager != null) {
        alertmanager.close();
      }
    }

    @Test
    void send_firingAlertIsActiveInAlertmanagerAndGoneOnceResolved() {
      Notifier notifier = Notifiers.create(new ReceiverTarget.Alertmanager(alertmanager.url()),
          new NotifierSettings(Notifications.EXTERNAL, Duration.ofSeconds(5), InstantSource.system()));
      Alert firing = Notifications.firing();
      Alert resolved = new Alert(firing.fingerprint(), firing.product(), firing.slo(), firing.condition(), AlertState.RESOLVED,
          firing.labels(), firing.annotations(), firing.activeAt(), firing.startsAt(), Notifications.ENDS);
      String ourLabels = "\"labels\":" + new JsonWriter().object(firing.labels());

      DeliveryResult fired = notifier.send(Notifications.of(Notification.Purpose.NOTIFY, firing));

      assertThat(fired).as("%s; Alertmanager log:%n%s", fired, alertmanager.log()).isEqualTo(DeliveryResult.delivered(200));
      await("firing alert listed").atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(alerts())
          .contains(ourLabels)
          .contains("\"state\":\"active\"")
          .contains("\"generatorURL\":\"http://meshwatch.example.com:8080/products/sales.orders\"")
          .contains("\"startsAt\":\"2025-03-01T10:02:00.000Z\""));

      DeliveryResult resolvedResult = notifier.send(Notifications.of(Notification.Purpose.NOTIFY, resolved));

      assertThat(resolvedResult).isEqualTo(DeliveryResult.delivered(200));
      await("resolved alert no longer listed").atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(alerts()).doesNotContain(ourLabels).isEqualTo("[]"));
    }

    @Test
    void send_invalidAlertIsRejectedForGood() {
      Notifier notifier = Notifiers.create(new ReceiverTarget.Alertmanager(alertmanager.url()),
          new NotifierSettings(Notifications.EXTERNAL, Duration.ofSeconds(5), InstantSource.system()));
      Alert firing = Notifications.firing();
      // Alertmanager refuses a label name that is not a Prometheus label name.
      Alert invalid = new Alert(firing.fingerprint(), firing.product(), firing.slo(), firing.condition(), firing.state(),
          Map.of("alertname", "X", "not a label", "x"), Map.of(), firing.activeAt(), firing.startsAt(), null);

      DeliveryResult result = notifier.send(Notifications.of(Notification.Purpose.NOTIFY, invalid));

      assertThat(result.delivered()).isFalse();
      assertThat(result.statusCode()).isEqualTo(400);
      assertThat(result.retryable()).isFalse();
    }

    private String alerts() throws IOException, InterruptedException {
      return AlertmanagerProcess.get(alertmanager.url().resolve("/api/v2/alerts")).strip();
    }
  }
}
