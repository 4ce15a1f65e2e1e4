package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertCondition;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import io.meshwatch.model.ProductId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookNotifierTest implements HttpNotifierContract {
  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Instant STARTS = Instant.parse("2025-03-01T10:02:00Z");
  private static final URI EXTERNAL = URI.create("http://meshwatch.example.com:8080/");

  @RegisterExtension final FakeHttpReceiver receiver = new FakeHttpReceiver();

  @Override
  public FakeHttpReceiver receiver() {
    return receiver;
  }

  @Override
  public Notifier notifierAt(URI url, Duration timeout) {
    return Notifiers.create(new ReceiverTarget.Webhook(url), new NotifierSettings(EXTERNAL, timeout, InstantSource.system()));
  }

  @Override
  public List<String> dedupKeys(Notification notification) {
    return List.of("idempotency-key: " + notification.id());
  }

  @Test
  void send_postsAlertmanagerWebhookJson() {
    Alert firing = new Alert("a9eca24976ecb8cf", ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE, AlertState.FIRING,
        Map.of("alertname", "MeshwatchErrorBudgetBurn", "product", "sales.orders", "severity", "page", "slo", "fresh"),
        Map.of("summary", "sales.orders: \"fresh\" burns\nfast", "runbook_url", "https://rb.example.com/ä"),
        STARTS.minusSeconds(120), STARTS, null);
    Alert resolved = new Alert("0123456789abcdef", ORDERS, "quality", AlertCondition.BURN_RATE_PAGE, AlertState.RESOLVED,
        Map.of("alertname", "MeshwatchErrorBudgetBurn", "product", "sales.orders", "severity", "page", "slo", "quality"),
        Map.of("summary", "quality", "runbook_url", "https://rb.example.com/ä"),
        STARTS, STARTS, STARTS.plusSeconds(600));
    Notification notification = new Notification("sales-oncall", Map.of("product", "sales.orders"), List.of(firing, resolved));

    DeliveryResult result = new WebhookNotifier(receiver.url("/hook"), EXTERNAL, Duration.ofSeconds(5)).send(notification);

    assertThat(result).isEqualTo(DeliveryResult.delivered(200));
    FakeHttpReceiver.Request request = receiver.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/hook");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Idempotency-Key")).isEqualTo(notification.id());
    assertThat(request.body()).isEqualTo("{"
        + "\"version\":\"4\","
        + "\"groupKey\":\"sales-oncall:{product=\\\"sales.orders\\\"}\","
        + "\"truncatedAlerts\":0,"
        + "\"status\":\"firing\","
        + "\"receiver\":\"sales-oncall\","
        + "\"groupLabels\":{\"product\":\"sales.orders\"},"
        + "\"commonLabels\":{\"alertname\":\"MeshwatchErrorBudgetBurn\",\"product\":\"sales.orders\",\"severity\":\"page\"},"
        + "\"commonAnnotations\":{\"runbook_url\":\"https://rb.example.com/ä\"},"
        + "\"externalURL\":\"http://meshwatch.example.com:8080\","
        + "\"alerts\":["
        + "{\"status\":\"firing\","
        + "\"labels\":{\"alertname\":\"MeshwatchErrorBudgetBurn\",\"product\":\"sales.orders\",\"severity\":\"page\",\"slo\":\"fresh\"},"
        + "\"annotations\":{\"runbook_url\":\"https://rb.example.com/ä\",\"summary\":\"sales.orders: \\\"fresh\\\" burns\\nfast\"},"
        + "\"startsAt\":\"2025-03-01T10:02:00Z\","
        + "\"endsAt\":\"0001-01-01T00:00:00Z\","
        + "\"generatorURL\":\"http://meshwatch.example.com:8080/products/sales.orders\","
        + "\"fingerprint\":\"a9eca24976ecb8cf\"},"
        + "{\"status\":\"resolved\","
        + "\"labels\":{\"alertname\":\"MeshwatchErrorBudgetBurn\",\"product\":\"sales.orders\",\"severity\":\"page\",\"slo\":\"quality\"},"
        + "\"annotations\":{\"runbook_url\":\"https://rb.example.com/ä\",\"summary\":\"quality\"},"
        + "\"startsAt\":\"2025-03-01T10:02:00Z\","
        + "\"endsAt\":\"2025-03-01T10:12:00Z\","
        + "\"generatorURL\":\"http://meshwatch.example.com:8080/products/sales.orders\","
        + "\"fingerprint\":\"0123456789abcdef\"}"
        + "]}");
  }

  @Test
  void send_sameIdempotencyKeyOnEveryAttempt() {
    receiver.answer(503, "");
    Notifier notifier = notifierAt(receiver.url("/hook"), Duration.ofSeconds(5));

    notifier.send(Notifications.mixed());
    notifier.send(Notifications.mixed());

    assertThat(receiver.requests()).extracting(request -> request.header("Idempotency-Key"))
        .containsExactly(Notifications.ID, Notifications.ID);
  }

  @Test
  void send_serverErrorSaysWhatTheServerSaid() {
    receiver.answer(500, "database down\n");

    DeliveryResult result = notifierAt(receiver.url("/hook"), Duration.ofSeconds(5)).send(Notifications.mixed());

    assertThat(result).isEqualTo(new DeliveryResult(false, 500, "HTTP 500: database down", true));
  }

  @Test
  void send_tooManyRequestsIsRetryable() {
    receiver.answer(429, "");

    assertThat(notifierAt(receiver.url("/hook"), Duration.ofSeconds(5)).send(Notifications.mixed()).retryable()).isTrue();
  }

  @Test
  void send_timeoutSaysHowLongItWaited() {
    receiver.neverAnswer();

    DeliveryResult result = notifierAt(receiver.url("/hook"), Duration.ofMillis(300)).send(Notifications.mixed());

    assertThat(result.error()).contains("within PT0.3S");
  }
}
