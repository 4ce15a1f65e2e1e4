package io.meshwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.alerting.receiver.ReceiverTarget;
import io.meshwatch.model.Contact;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnCallDefaultsTest {

  private static final URI SLACK_HOOK = URI.create("https://hooks.slack.com/services/T/B/x");
  private static final URI PD = URI.create("http://127.0.0.1:9999/v2/enqueue");
  private static final EmailServer SMTP = new EmailServer("meshwatch@example.com", "smtp.example.com", 587, true,
      "user", "hunter2");

  @Test
  void target_reachesEachContactKindThroughItsSetting() {
    OnCallDefaults onCall = new OnCallDefaults(SLACK_HOOK, SMTP, PD);

    assertThat(onCall.target(new Contact(Contact.Kind.SLACK, "#sales-oncall")))
        .contains(new ReceiverTarget.Slack(SLACK_HOOK, "#sales-oncall"));
    assertThat(onCall.target(new Contact(Contact.Kind.EMAIL, "sales@example.com"))).contains(new ReceiverTarget.Email(
        List.of("sales@example.com"), "meshwatch@example.com", "smtp.example.com", 587, true, "user", "hunter2"));
    assertThat(onCall.target(new Contact(Contact.Kind.PAGERDUTY, "R0UT1NG"))).contains(new ReceiverTarget.PagerDuty("R0UT1NG", PD));
    assertThat(onCall.target(new Contact(Contact.Kind.WEBHOOK, "http://hooks.example.com/sales")))
        .contains(new ReceiverTarget.Webhook(URI.create("http://hooks.example.com/sales")));
  }

  @Test
  void target_emptyWhenTheKindsSettingIsMissingOrTheTargetUnusable() {
    OnCallDefaults defaults = OnCallDefaults.DEFAULTS;

    assertThat(defaults.target(new Contact(Contact.Kind.SLACK, "#sales-oncall"))).isEmpty();
    assertThat(defaults.target(new Contact(Contact.Kind.EMAIL, "sales@example.com"))).isEmpty();
    assertThat(defaults.target(new Contact(Contact.Kind.WEBHOOK, "not a url"))).isEmpty();
    assertThat(defaults.target(new Contact(Contact.Kind.WEBHOOK, "ftp://x/y"))).isEmpty();
    assertThat(defaults.target(new Contact(Contact.Kind.PAGERDUTY, "key")))
        .contains(new ReceiverTarget.PagerDuty("key", ReceiverTarget.PagerDuty.EVENTS_V2));
  }

  @Test
  void constructor_refusesNonHttpUrls() {
    assertThatThrownBy(() -> new OnCallDefaults(URI.create("mailto:x@y"), null, PD)).hasMessageContaining("slack webhookUrl");
    assertThatThrownBy(() -> new OnCallDefaults(null, null, URI.create("/relative"))).hasMessageContaining("pagerduty eventsUrl");
  }

  @Test
  void emailServer_hidesThePasswordAndNeedsBothCredentials() {
    assertThat(SMTP.toString()).doesNotContain("hunter2").contains("password=***", "smtp.example.com:587");
    assertThat(SMTP.to("a@b").toString()).doesNotContain("hunter2");
    assertThatThrownBy(() -> new EmailServer("f@x", "h", 25, false, "user", null)).hasMessageContaining("set both or neither");
    assertThatThrownBy(() -> new EmailServer("f@x", "h", 0, false, null, null)).hasMessageContaining("1..65535");
    assertThatThrownBy(() -> new EmailServer(" ", "h", 25, false, null, null)).hasMessageContaining("'from'");
  }
}
