package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Notifier} must do, whatever it delivers to: one attempt per send, a result for
 * every outcome (never an exception), retryable exactly when another attempt could succeed, and a
 * key on the wire by which the remote can tell a retry from a new notification.
 */
interface NotifierContract {
  Duration SHORT_TIMEOUT = Duration.ofMillis(500);

  /** How the remote end behaves in a contract test. */
  enum Remote {
    /** Takes the notification (HTTP 2xx, SMTP 250). */
    ACCEPTS,
    /** Fails in a way that may pass (HTTP 5xx, SMTP 4xx). */
    FAILS_TRANSIENTLY,
    /** Refuses the notification for good (HTTP 4xx, SMTP 5xx). */
    REJECTS,
    /** Takes the connection and never answers. */
    NEVER_ANSWERS,
    /** Nothing listens on the port. */
    REFUSES_CONNECTIONS
  }

  /** A notifier whose remote behaves as {@code remote}, with {@code timeout}. */
  Notifier notifierFor(Remote remote, Duration timeout);

  /** Everything the remote received so far, headers and bodies, as text. */
  String received();

  /** What the remote can dedup {@code notification} by, as it appears on the wire. */
  List<String> dedupKeys(Notification notification);

  @Test
  default void contract_deliveredWhenTheRemoteAccepts() {
    DeliveryResult result = notifierFor(Remote.ACCEPTS, Duration.ofSeconds(5)).send(Notifications.mixed());

    assertThat(result.delivered()).as("%s", result).isTrue();
    assertThat(result.error()).isNull();
  }

  @Test
  default void contract_retryableWhenTheRemoteFailsTransiently() {
    DeliveryResult result = notifierFor(Remote.FAILS_TRANSIENTLY, Duration.ofSeconds(5)).send(Notifications.mixed());

    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).as("%s", result).isTrue();
    assertThat(result.statusCode()).isPositive();
  }

  @Test
  default void contract_notRetryableWhenTheRemoteRejects() {
    DeliveryResult result = notifierFor(Remote.REJECTS, Duration.ofSeconds(5)).send(Notifications.mixed());

    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).as("%s", result).isFalse();
    assertThat(result.statusCode()).isPositive();
  }

  @Test
  default void contract_retryableWhenTheRemoteNeverAnswers() {
    Notifier notifier = notifierFor(Remote.NEVER_ANSWERS, SHORT_TIMEOUT);

    // The timeout bounds the attempt: well before the remote would let go (30 s).
    DeliveryResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> notifier.send(Notifications.mixed()));

    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).as("%s", result).isTrue();
    assertThat(result.statusCode()).isZero();
  }

  @Test
  default void contract_retryableWithoutThrowingWhenTheConnectionIsRefused() {
    DeliveryResult result = notifierFor(Remote.REFUSES_CONNECTIONS, Duration.ofSeconds(5)).send(Notifications.mixed());

    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).as("%s", result).isTrue();
    assertThat(result.statusCode()).isZero();
  }

  @Test
  default void contract_sendsADedupKey() {
    Notification notification = Notifications.mixed();

    assertThat(notifierFor(Remote.ACCEPTS, Duration.ofSeconds(5)).send(notification).delivered()).isTrue();

    assertThat(dedupKeys(notification)).isNotEmpty();
    assertThat(received()).contains(dedupKeys(notification));
  }

  /** A loopback port nothing listens on (just closed; nobody else binds it this quickly). */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
