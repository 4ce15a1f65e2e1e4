package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.time.InstantSource;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

/**
 * Sends a notification as one plain-text e-mail over SMTP (Angus Mail), with STARTTLS required when
 * the target asks for it (never falling back to plain text) and AUTH when it has a username. The
 * notification id is in the {@code Message-ID} and in {@code X-Meshwatch-Notification-Id}, so a
 * mail system or a reader can tell a retry from a new notification. {@link DeliveryResult#statusCode()}
 * is the SMTP reply code: a 4xx reply is transient and worth retrying, a 5xx one is not; a connection
 * that fails or stays silent past the timeout is worth retrying.
 */
final class EmailNotifier implements Notifier {
  static final String NOTIFICATION_ID_HEADER = "X-Meshwatch-Notification-Id";

  private final ReceiverTarget.Email target;
  private final URI externalUrl;
  private final InstantSource clock;
  private final Session session;

  EmailNotifier(ReceiverTarget.Email target, NotifierSettings settings) {
    this.target = target;
    this.externalUrl = settings.externalUrl();
    this.clock = settings.clock();
    String millis = Long.toString(settings.timeout().toMillis());
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", target.smtpHost());
    properties.setProperty("mail.smtp.port", Integer.toString(target.smtpPort()));
    properties.setProperty("mail.smtp.connectiontimeout", millis);
    properties.setProperty("mail.smtp.timeout", millis);
    properties.setProperty("mail.smtp.writetimeout", millis);
    properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(target.startTls()));
    properties.setProperty("mail.smtp.starttls.required", Boolean.toString(target.startTls()));
    properties.setProperty("mail.smtp.auth", Boolean.toString(target.username() != null));
    this.session = Session.getInstance(properties);
  }

  @Override
  public DeliveryResult send(Notification notification) {
    MimeMessage message;
    try {
      message = message(notification);
    } catch (MessagingException | RuntimeException e) {
      return DeliveryResult.failed("cannot write the e-mail: " + e.getMessage(), false);
    }
    @Nullable SMTPTransport transport = null;
    try {
      transport = (SMTPTransport) session.getTransport("smtp");
      transport.connect(target.smtpHost(), target.smtpPort(), target.username(), target.password());
      transport.sendMessage(message, message.getAllRecipients());
      return DeliveryResult.delivered(transport.getLastReturnCode());
    } catch (MessagingException e) {
      return failure(e, transport);
    } catch (RuntimeException e) {
      return DeliveryResult.failed("cannot send e-mail via " + server() + ": " + e, false);
    } finally {
      close(transport);
    }
  }

  private MimeMessage message(Notification notification) throws MessagingException {
    String messageId = "<" + notification.id().replaceAll("[^A-Za-z0-9._-]", "-") + "@" + messageIdDomain() + ">";
    MimeMessage message = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress(target.from(), true));
    message.setRecipients(Message.RecipientType.TO, recipients());
    message.setSubject(EmailMessage.subject(notification), "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader(NOTIFICATION_ID_HEADER, notification.id());
    message.setText(EmailMessage.body(notification, externalUrl), "UTF-8");
    message.saveChanges();
    return message;
  }

  private Address[] recipients() throws MessagingException {
    Address[] to = new Address[target.to().size()];
    for (int i = 0; i < to.length; i++) {
      to[i] = new InternetAddress(target.to().get(i), true);
    }
    return to;
  }

  private String messageIdDomain() {
    String host = externalUrl.getHost();
    return host == null || host.isBlank() ? "meshwatch" : host;
  }

  private DeliveryResult failure(MessagingException e, @Nullable SMTPTransport transport) {
    int code = replyCode(e, transport);
    String error = "SMTP " + (code > 0 ? code + " " : "") + "from " + server() + ": " + describe(e);
    if (code >= 400 && code < 600) {
      return new DeliveryResult(false, code, error, code < 500);
    }
    // No failing reply: the connection broke or stayed silent (worth retrying), or the server lacks
    // what the target requires, such as STARTTLS (a configuration problem, not worth retrying).
    return new DeliveryResult(false, 0, error, causedByIo(e));
  }

  private static int replyCode(MessagingException e, @Nullable SMTPTransport transport) {
    for (@Nullable Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
      if (next instanceof SMTPSendFailedException failed) {
        return failed.getReturnCode();
      }
      if (next instanceof SMTPAddressFailedException failed) {
        return failed.getReturnCode();
      }
    }
    return transport == null ? 0 : transport.getLastReturnCode();
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(MessagingException e) {
    Throwable cause = e.getCause();
    return (e.getMessage() == null ? e.toString() : e.getMessage().strip())
        + (cause == null || cause == e ? "" : " (" + cause + ")");
  }

  private String server() {
    return target.smtpHost() + ":" + target.smtpPort();
  }

  private static void close(@Nullable SMTPTransport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      // The mail is sent or the failure is reported; a failing QUIT changes neither.
    }
  }
}
