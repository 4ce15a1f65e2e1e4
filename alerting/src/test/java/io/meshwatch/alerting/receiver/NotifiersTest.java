package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fan-out to several targets passes the contract with two webhook targets on one remote. */
class NotifiersTest implements HttpNotifierContract {
  private static final NotifierSettings SETTINGS =
      new NotifierSettings(Notifications.EXTERNAL, Duration.ofSeconds(5), InstantSource.system());

  @RegisterExtension final FakeHttpReceiver receiver = new FakeHttpReceiver();

  @Override
  public FakeHttpReceiver receiver() {
    return receiver;
  }

  @Override
  public Notifier notifierAt(URI url, Duration timeout) {
    NotifierSettings settings = new NotifierSettings(Notifications.EXTERNAL, timeout, InstantSource.system());
    return Notifiers.of(List.of(
        Notifiers.create(new ReceiverTarget.Webhook(url.resolve("/first")), settings),
        Notifiers.create(new ReceiverTarget.Webhook(url.resolve("/second")), settings)));
  }

  @Override
  public List<String> dedupKeys(Notification notification) {
    return List.of("idempotency-key: " + notification.id());
  }

  @Test
  void of_everyTargetGetsTheIdempotencyKey() {
    notifierAt(receiver.url("/"), Duration.ofSeconds(5)).send(Notifications.mixed());

    assertThat(receiver.requests())
        .extracting(FakeHttpReceiver.Request::path, request -> request.header("Idempotency-Key"))
        .containsExactly(tuple("/first", Notifications.ID), tuple("/second", Notifications.ID));
  }

  @Test
  void create_buildsTheNotifierOfEachKindOfTarget() {
    URI url = URI.create("http://127.0.0.1:9/");

    assertThat(Notifiers.create(new ReceiverTarget.Webhook(url), SETTINGS)).isInstanceOf(WebhookNotifier.class);
    assertThat(Notifiers.create(new ReceiverTarget.Slack(url, null), SETTINGS)).isInstanceOf(SlackNotifier.class);
    assertThat(Notifiers.create(new ReceiverTarget.PagerDuty("key", url), SETTINGS)).isInstanceOf(PagerDutyNotifier.class);
    assertThat(Notifiers.create(new ReceiverTarget.Alertmanager(url), SETTINGS)).isInstanceOf(AlertmanagerNotifier.class);
    assertThat(Notifiers.create(new ReceiverTarget.Email(List.of("a@example.com"), "b@example.com", "127.0.0.1", 25,
        false, null, null), SETTINGS)).isInstanceOf(EmailNotifier.class);
  }

  @Test
  void of_triesEveryTargetAndReportsTheFirstFailure() {
    List<String> tried = new ArrayList<>();
    Notifier notifier = Notifiers.of(List.of(
        recording(tried, "pagerduty", DeliveryResult.delivered(202)),
        recording(tried, "slack", DeliveryResult.rejected(404, "channel_not_found")),
        recording(tried, "email", DeliveryResult.failed("connection refused", true))));

    DeliveryResult result = notifier.send(Notifications.mixed());

    assertThat(tried).containsExactly("pagerduty", "slack", "email");
    assertThat(result).isEqualTo(new DeliveryResult(false, 404,
        "2 of 3 targets failed; target 2: HTTP 404: channel_not_found", false));
  }

  @Test
  void of_retryableWhenEveryFailedTargetIs() {
    Notifier notifier = Notifiers.of(List.of(
        notification -> DeliveryResult.failed("no answer within PT10S", true),
        notification -> DeliveryResult.delivered(200),
        notification -> DeliveryResult.rejected(503, "")));

    DeliveryResult result = notifier.send(Notifications.mixed());

    assertThat(result.retryable()).isTrue();
    assertThat(result.error()).isEqualTo("2 of 3 targets failed; target 1: no answer within PT10S");
  }

  @Test
  void of_deliveredWithTheFirstTargetsStatusWhenAllAre() {
    Notifier notifier = Notifiers.of(List.of(
        notification -> DeliveryResult.delivered(202), notification -> DeliveryResult.delivered(200)));

    assertThat(notifier.send(Notifications.mixed())).isEqualTo(DeliveryResult.delivered(202));
  }

  @Test
  void of_aTargetThatThrowsDoesNotKeepTheOthersFromTheirNotification() {
    List<String> tried = new ArrayList<>();
    Notifier notifier = Notifiers.of(List.of(
        notification -> {
          throw new IllegalStateException("bug");
        },
        recording(tried, "webhook", DeliveryResult.delivered(200))));

    DeliveryResult result = notifier.send(Notifications.mixed());

    assertThat(tried).containsExactly("webhook");
    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).isFalse();
    assertThat(result.error()).contains("bug");
  }

  @Test
  void of_oneTargetIsThatTarget() {
    Notifier only = notification -> DeliveryResult.delivered(200);

    assertThat(Notifiers.of(List.of(only))).isSameAs(only);
  }

  @Test
  void of_noTargetsIsAConfigurationError() {
    assertThatThrownBy(() -> Notifiers.of(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a receiver needs at least one target");
  }

  private static Notifier recording(List<String> tried, String name, DeliveryResult result) {
    return notification -> {
      tried.add(name);
      return result;
    };
  }
}
