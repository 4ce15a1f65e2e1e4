package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmailNotifierTest implements NotifierContract {
  private static final Instant NOW = Instant.parse("2025-03-01T10:20:00Z");
  private static final List<String> TO = List.of("sales-oncall@example.com", "data-lead@example.com");
  private static final String FROM = "meshwatch@example.com";

  private GreenMail greenMail;
  private ScriptedSmtpServer scripted;

  @BeforeEach
  void startServers() throws IOException {
    greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    scripted = new ScriptedSmtpServer();
  }

  @AfterEach
  void stopServers() throws IOException {
    greenMail.stop();
    scripted.close();
  }

  @Override
  public Notifier notifierFor(Remote remote, Duration timeout) {
    switch (remote) {
      case FAILS_TRANSIENTLY -> scripted.failMailFrom("451 4.3.0 mailbox busy, try again later");
      case REJECTS -> scripted.failMailFrom("550 5.7.1 relaying denied");
      case NEVER_ANSWERS -> scripted.stayAsleep();
      case REFUSES_CONNECTIONS -> {
        return email(NotifierContract.closedPort(), false, null, null, timeout);
      }
      case ACCEPTS -> { }
    }
    return email(scripted.port(), false, null, null, timeout);
  }

  @Override
  public String received() {
    return scripted.transcript();
  }

  @Override
  public List<String> dedupKeys(Notification notification) {
    return List.of("Message-ID: <" + notification.id() + "@meshwatch.example.com>",
        "X-Meshwatch-Notification-Id: " + notification.id());
  }

  @Test
  void send_mailsEachAlertWithItsContext() throws Exception {
    DeliveryResult result = email(greenMail.getSmtp().getPort(), false, null, null, Duration.ofSeconds(5))
        .send(Notifications.mixed());

    assertThat(result).isEqualTo(DeliveryResult.delivered(250));
    MimeMessage[] messages = greenMail.getReceivedMessages();
    // GreenMail keeps one copy per recipient.
    assertThat(messages).hasSize(2);
    MimeMessage message = messages[0];
    assertThat(message.getSubject()).isEqualTo("[FIRING:1] MeshwatchErrorBudgetBurn sales.orders");
    assertThat(message.getFrom()).extracting(Object::toString).containsExactly(FROM);
    assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactlyElementsOf(TO);
    assertThat(message.getMessageID()).isEqualTo("<n-42@meshwatch.example.com>");
    assertThat(message.getHeader(EmailNotifier.NOTIFICATION_ID_HEADER)).containsExactly("n-42");
    assertThat(message.getSentDate()).isEqualTo(Date.from(NOW));
    assertThat(message.getContentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo("""
        [FIRING:1] MeshwatchErrorBudgetBurn sales.orders

        Firing: sales.orders: SLO fresh is burning its error budget fast (page)
          Product: sales.orders
          Domain: sales
          Owner team: sales-data
          Severity: page
          SLO: fresh
          Budget left: 37.5%
          Burn rates: 5m=18.00 1h=20.00
          Started at: 2025-03-01T10:02:00Z
          Runbook: https://runbooks.example.com/orders
          Dashboard: https://grafana.example.com/d/orders
          In meshwatch: http://meshwatch.example.com:8080/products/sales.orders

        Resolved: sales.orders: SLO complete is burning its error budget steadily (ticket)
          Product: sales.orders
          Domain: sales
          Owner team: sales-data
          Severity: ticket
          SLO: complete
          Budget left: 80.0%
          Burn rates: 2h=0.50 1d=0.40
          Started at: 2025-03-01T10:02:00Z
          Resolved at: 2025-03-01T10:12:00Z
          In meshwatch: http://meshwatch.example.com:8080/products/sales.orders

        --\s
        meshwatch http://meshwatch.example.com:8080/
        notification n-42""");
  }

  @Test
  void send_subjectSaysResolvedOrAcknowledged() throws Exception {
    Notifier notifier = email(greenMail.getSmtp().getPort(), false, null, null, Duration.ofSeconds(5));

    notifier.send(Notifications.of(Notification.Purpose.NOTIFY, Notifications.resolved()));
    notifier.send(Notifications.of(Notification.Purpose.ACKNOWLEDGE, Notifications.firing()));

    assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(EmailNotifierTest::subject).distinct())
        .containsExactlyInAnyOrder("[RESOLVED] MeshwatchErrorBudgetBurn sales.orders", "[ACK] MeshwatchErrorBudgetBurn sales.orders");
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(EmailNotifierTest::text))
        .anyMatch(text -> text.contains("\nAcknowledged: sales.orders: SLO fresh"))
        .anyMatch(text -> text.contains("\nResolved: sales.orders: SLO complete"));
  }

  @Test
  void send_authenticatesWithTheConfiguredUser() {
    greenMail.setUser("alerts@example.com", "alerts", "s3cret");

    DeliveryResult result = email(greenMail.getSmtp().getPort(), false, "alerts", "s3cret", Duration.ofSeconds(5))
        .send(Notifications.mixed());

    assertThat(result).isEqualTo(DeliveryResult.delivered(250));
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void send_wrongPasswordIsNotRetryable() {
    greenMail.setUser("alerts@example.com", "alerts", "s3cret");

    DeliveryResult result = email(greenMail.getSmtp().getPort(), false, "alerts", "wrong", Duration.ofSeconds(5))
        .send(Notifications.mixed());

    assertThat(result.delivered()).isFalse();
    assertThat(result.statusCode()).isEqualTo(535);
    assertThat(result.retryable()).isFalse();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void send_neverFallsBackToPlainTextWhenStartTlsIsRequired() {
    // GreenMail's SMTP offers no STARTTLS.
    DeliveryResult result = email(greenMail.getSmtp().getPort(), true, null, null, Duration.ofSeconds(5))
        .send(Notifications.mixed());

    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).isFalse();
    assertThat(result.error()).contains("STARTTLS");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void send_transientReplySaysWhatTheServerSaid() {
    scripted.failMailFrom("451 4.3.0 mailbox busy, try again later");

    DeliveryResult result = email(scripted.port(), false, null, null, Duration.ofSeconds(5)).send(Notifications.mixed());

    assertThat(result.statusCode()).isEqualTo(451);
    assertThat(result.error()).startsWith("SMTP 451 from 127.0.0.1:" + scripted.port()).contains("mailbox busy");
  }

  private static Notifier email(int port, boolean startTls, @Nullable String username, @Nullable String password,
      Duration timeout) {
    return Notifiers.create(new ReceiverTarget.Email(TO, FROM, "127.0.0.1", port, startTls, username, password),
        new NotifierSettings(Notifications.EXTERNAL, timeout, InstantSource.fixed(NOW)));
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) {
    try {
      return ((String) message.getContent()).replace("\r\n", "\n");
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
