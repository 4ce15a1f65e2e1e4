package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertLabels;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PagerDutyNotifierTest implements HttpNotifierContract {
  private static final String ACCEPTED = "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"a9eca24976ecb8cf\"}";

  @RegisterExtension final FakeHttpReceiver receiver = new FakeHttpReceiver();

  @Override
  public FakeHttpReceiver receiver() {
    return receiver;
  }

  @Override
  public Notifier notifierAt(URI url, Duration timeout) {
    return Notifiers.create(new ReceiverTarget.PagerDuty("R0UT1NGKEY", url),
        new NotifierSettings(Notifications.EXTERNAL, timeout, InstantSource.system()));
  }

  @Override
  public int acceptedStatus() {
    return 202;
  }

  @Override
  public String acceptedBody() {
    return ACCEPTED;
  }

  @Override
  public List<String> dedupKeys(Notification notification) {
    return notification.alerts().stream().map(alert -> "\"dedup_key\":\"" + alert.fingerprint() + "\"").toList();
  }

  @Test
  void send_triggersFiringAndResolvesResolvedAlertsOneEventEach() {
    receiver.answer(202, ACCEPTED);

    DeliveryResult result = notifierAt(receiver.url("/v2/enqueue"), Duration.ofSeconds(5)).send(Notifications.mixed());

    assertThat(result).isEqualTo(DeliveryResult.delivered(202));
    assertThat(receiver.requests()).extracting(FakeHttpReceiver.Request::path).containsExactly("/v2/enqueue", "/v2/enqueue");
    assertThat(receiver.requests()).extracting(FakeHttpReceiver.Request::body).containsExactly(
        "{\"routing_key\":\"R0UT1NGKEY\","
            + "\"event_action\":\"trigger\","
            + "\"dedup_key\":\"a9eca24976ecb8cf\","
            + "\"payload\":{"
            + "\"summary\":\"sales.orders: SLO fresh is burning its error budget fast (page)\","
            + "\"source\":\"sales.orders\","
            + "\"severity\":\"critical\","
            + "\"timestamp\":\"2025-03-01T10:02:00Z\","
            + "\"component\":\"sales.orders\","
            + "\"group\":\"sales\","
            + "\"class\":\"freshness\","
            + "\"custom_details\":{"
            + "\"labels\":{\"alertname\":\"MeshwatchErrorBudgetBurn\",\"domain\":\"sales\",\"product\":\"sales.orders\","
            + "\"severity\":\"page\",\"sli\":\"freshness\",\"slo\":\"fresh\",\"team\":\"sales-data\"},"
            + "\"annotations\":{\"budget_left\":\"37.5%\",\"burn_rates\":\"5m=18.00 1h=20.00\","
            + "\"dashboard_url\":\"https://grafana.example.com/d/orders\",\"runbook_url\":\"https://runbooks.example.com/orders\","
            + "\"summary\":\"sales.orders: SLO fresh is burning its error budget fast (page)\"}}},"
            + "\"links\":[{\"href\":\"https://runbooks.example.com/orders\",\"text\":\"Runbook\"},"
            + "{\"href\":\"https://grafana.example.com/d/orders\",\"text\":\"Dashboard\"}],"
            + "\"client\":\"meshwatch\","
            + "\"client_url\":\"http://meshwatch.example.com:8080/products/sales.orders\"}",
        "{\"routing_key\":\"R0UT1NGKEY\",\"event_action\":\"resolve\",\"dedup_key\":\"0123456789abcdef\"}");
  }

  @Test
  void send_acknowledgementAcknowledgesTheIncident() {
    receiver.answer(202, ACCEPTED);

    notifierAt(receiver.url("/v2/enqueue"), Duration.ofSeconds(5))
        .send(Notifications.of(Notification.Purpose.ACKNOWLEDGE, Notifications.firing()));

    assertThat(receiver.onlyRequest().body())
        .isEqualTo("{\"routing_key\":\"R0UT1NGKEY\",\"event_action\":\"acknowledge\",\"dedup_key\":\"a9eca24976ecb8cf\"}");
  }

  @Test
  void send_ticketIsAWarningAndAnInhibitedAlertIsInfo() {
    receiver.answer(202, ACCEPTED);
    Alert ticket = Notifications.resolved();
    Alert firingTicket = new Alert(ticket.fingerprint(), ticket.product(), ticket.slo(), ticket.condition(),
        AlertState.FIRING, ticket.labels(), ticket.annotations(), ticket.activeAt(), ticket.startsAt(), null);
    Map<String, String> inhibited = new HashMap<>(Notifications.firing().annotations());
    inhibited.put(AlertLabels.INHIBITED_BY, "upstream sales.raw");
    Alert page = Notifications.firing();
    Alert inhibitedPage = new Alert(page.fingerprint(), page.product(), page.slo(), page.condition(), page.state(),
        page.labels(), inhibited, page.activeAt(), page.startsAt(), null);

    notifierAt(receiver.url("/"), Duration.ofSeconds(5))
        .send(Notifications.of(Notification.Purpose.NOTIFY, firingTicket, inhibitedPage));

    assertThat(receiver.requests()).extracting(FakeHttpReceiver.Request::body)
        .satisfiesExactly(
            body -> assertThat(body).contains("\"severity\":\"warning\"", "\"class\":\"quality\"", "\"links\":[]"),
            body -> assertThat(body).contains("\"severity\":\"info\"", "\"inhibited_by\":\"upstream sales.raw\""));
  }

  @Test
  void send_cutsTheSummaryToPagerDutysLimit() {
    receiver.answer(202, ACCEPTED);
    Alert page = Notifications.firing();
    Alert wordy = new Alert(page.fingerprint(), page.product(), page.slo(), page.condition(), page.state(),
        page.labels(), Map.of("summary", "x".repeat(3000)), page.activeAt(), page.startsAt(), null);

    notifierAt(receiver.url("/"), Duration.ofSeconds(5)).send(Notifications.of(Notification.Purpose.NOTIFY, wordy));

    assertThat(receiver.onlyRequest().body()).contains("\"summary\":\"" + "x".repeat(1023) + "…\",");
  }

  @Test
  void send_stopsAtTheFirstRejectedEventAndReportsIt() {
    receiver.answer(400, "{\"status\":\"invalid event\",\"errors\":[\"'routing_key' is invalid\"]}");

    DeliveryResult result = notifierAt(receiver.url("/"), Duration.ofSeconds(5)).send(Notifications.mixed());

    assertThat(receiver.requests()).hasSize(1);
    assertThat(result).isEqualTo(new DeliveryResult(false, 400,
        "HTTP 400: {\"status\":\"invalid event\",\"errors\":[\"'routing_key' is invalid\"]}", false));
  }

  @Test
  void send_rateLimitIsRetryable() {
    receiver.answer(429, "");

    assertThat(notifierAt(receiver.url("/"), Duration.ofSeconds(5)).send(Notifications.mixed()).retryable()).isTrue();
  }
}
