package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertCondition;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackNotifierTest implements HttpNotifierContract {
  @RegisterExtension final FakeHttpReceiver receiver = new FakeHttpReceiver();

  @Override
  public FakeHttpReceiver receiver() {
    return receiver;
  }

  @Override
  public Notifier notifierAt(URI url, Duration timeout) {
    return slack(url, timeout, null);
  }

  @Override
  public String acceptedBody() {
    return "ok";
  }

  @Override
  public List<String> dedupKeys(Notification notification) {
    return List.of("idempotency-key: " + notification.id());
  }

  @Test
  void send_postsBlocksWithTheContextOfEachAlert() {
    receiver.answer(200, "ok");

    DeliveryResult result = slack(receiver.url("/services/T0/B0/x"), Duration.ofSeconds(5), "#sales-oncall")
        .send(Notifications.mixed());

    assertThat(result).isEqualTo(DeliveryResult.delivered(200));
    FakeHttpReceiver.Request request = receiver.onlyRequest();
    assertThat(request.path()).isEqualTo("/services/T0/B0/x");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.body()).isEqualTo("{"
        + "\"channel\":\"#sales-oncall\","
        + "\"text\":\"[FIRING:1] MeshwatchErrorBudgetBurn sales.orders\","
        + "\"blocks\":["
        + "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"[FIRING:1] MeshwatchErrorBudgetBurn sales.orders\"}},"
        + "{\"type\":\"section\","
        + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Firing* sales.orders: SLO fresh is burning its error budget fast (page)\\n"
        + "<https://runbooks.example.com/orders|Runbook> · <https://grafana.example.com/d/orders|Dashboard>\"},"
        + "\"fields\":["
        + "{\"type\":\"mrkdwn\",\"text\":\"*Product*\\nsales.orders\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Domain*\\nsales\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Owner team*\\nsales-data\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Severity*\\npage\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*SLO*\\nfresh\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Budget left*\\n37.5%\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Burn rates*\\n5m=18.00 1h=20.00\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Started at*\\n2025-03-01T10:02:00Z\"}]},"
        + "{\"type\":\"section\","
        + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Resolved* sales.orders: SLO complete is burning its error budget steadily (ticket)\"},"
        + "\"fields\":["
        + "{\"type\":\"mrkdwn\",\"text\":\"*Product*\\nsales.orders\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Domain*\\nsales\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Owner team*\\nsales-data\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Severity*\\nticket\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*SLO*\\ncomplete\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Budget left*\\n80.0%\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Burn rates*\\n2h=0.50 1d=0.40\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Started at*\\n2025-03-01T10:02:00Z\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Resolved at*\\n2025-03-01T10:12:00Z\"}]}"
        + "]}");
  }

  @Test
  void send_resolvedNotificationSaysResolved() {
    receiver.answer(200, "ok");

    slack(receiver.url("/"), Duration.ofSeconds(5), null)
        .send(Notifications.of(Notification.Purpose.NOTIFY, Notifications.resolved()));

    String body = receiver.onlyRequest().body();
    assertThat(body).startsWith("{\"text\":\"[RESOLVED] MeshwatchErrorBudgetBurn sales.orders\",")
        .contains("\"text\":\"*Resolved* sales.orders: SLO complete")
        .doesNotContain("channel");
  }

  @Test
  void send_acknowledgementSaysAcknowledged() {
    receiver.answer(200, "ok");

    slack(receiver.url("/"), Duration.ofSeconds(5), null)
        .send(Notifications.of(Notification.Purpose.ACKNOWLEDGE, Notifications.firing()));

    assertThat(receiver.onlyRequest().body())
        .startsWith("{\"text\":\"[ACK] MeshwatchErrorBudgetBurn sales.orders\",")
        .contains("\"text\":\"*Acknowledged* sales.orders: SLO fresh");
  }

  @Test
  void send_escapesSlackMarkupInAlertText() {
    receiver.answer(200, "ok");
    Alert firing = Notifications.firing();
    Alert tricky = new Alert(firing.fingerprint(), firing.product(), firing.slo(), firing.condition(), firing.state(),
        firing.labels(), Map.of("summary", "rows <100 & >0", "runbook_url", "https://rb.example.com/a|b?x=1&y=2"),
        firing.activeAt(), firing.startsAt(), null);

    slack(receiver.url("/"), Duration.ofSeconds(5), null).send(Notifications.of(Notification.Purpose.NOTIFY, tricky));

    assertThat(receiver.onlyRequest().body())
        .contains("*Firing* rows &lt;100 &amp; &gt;0\\n<https://rb.example.com/a%7Cb?x=1&amp;y=2|Runbook>");
  }

  @Test
  void send_manyAlertsStayWithinSlacksBlockLimit() {
    receiver.answer(200, "ok");
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < SlackPayload.MAX_ALERT_SECTIONS + 5; i++) {
      alerts.add(new Alert(String.format("%016x", i), Notifications.ORDERS, "slo" + i, AlertCondition.BURN_RATE_PAGE,
          AlertState.FIRING, Map.of("alertname", "MeshwatchErrorBudgetBurn", "slo", "slo" + i), Map.of(),
          Notifications.STARTS, Notifications.STARTS, null));
    }

    slack(receiver.url("/"), Duration.ofSeconds(5), null)
        .send(new Notification("n-many", "sales-oncall", Map.of(), alerts, Notification.Purpose.NOTIFY));

    String body = receiver.onlyRequest().body();
    assertThat(body).startsWith("{\"text\":\"[FIRING:45] MeshwatchErrorBudgetBurn 45 alerts\",");
    assertThat(body.split("\"type\":\"section\"", -1)).hasSize(SlackPayload.MAX_ALERT_SECTIONS + 1);
    assertThat(body).endsWith("{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"…and 5 more alerts\"}]}]}");
  }

  @Test
  void send_slackErrorTextIsReported() {
    receiver.answer(404, "channel_not_found");

    DeliveryResult result = slack(receiver.url("/"), Duration.ofSeconds(5), "#gone").send(Notifications.mixed());

    assertThat(result).isEqualTo(new DeliveryResult(false, 404, "HTTP 404: channel_not_found", false));
  }

  private static Notifier slack(URI url, Duration timeout, @Nullable String channel) {
    return Notifiers.create(new ReceiverTarget.Slack(url, channel),
        new NotifierSettings(Notifications.EXTERNAL, timeout, InstantSource.system()));
  }
}
