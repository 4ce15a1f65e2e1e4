package io.meshwatch.alerting;

import io.meshwatch.alerting.receiver.ReceiverTarget;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP server and sender that on-call e-mail contacts are written through. {@code username} and
 * {@code password} are both null for a server without authentication. {@link #toString()} hides the
 * password.
 *
 * <pre>{@code
 * EmailServer smtp = new EmailServer("meshwatch@example.com", "smtp.example.com", 587, true, "u", secret);
 * ReceiverTarget.Email target = smtp.to("sales-oncall@example.com");
 * }</pre>
 */
public record EmailServer(
    String from,
    String smtpHost,
    int smtpPort,
    boolean startTls,
    @Nullable String username,
    @Nullable String password) {

  public EmailServer {
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("email needs a 'from' address");
    }
    if (smtpHost == null || smtpHost.isBlank()) {
      throw new IllegalArgumentException("email needs an SMTP host");
    }
    if (smtpPort < 1 || smtpPort > 65_535) {
      throw new IllegalArgumentException("email smtp port must be 1..65535, got " + smtpPort);
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("email username and password go together: set both or neither");
    }
  }

  /** The receiver target that sends to {@code addresses} through this server. */
  public ReceiverTarget.Email to(List<String> addresses) {
    return new ReceiverTarget.Email(addresses, from, smtpHost, smtpPort, startTls, username, password);
  }

  /** The receiver target that sends to one {@code address} through this server. */
  public ReceiverTarget.Email to(String address) {
    return to(List.of(address));
  }

  @Override
  public String toString() {
    return "EmailServer[from=" + from + ", smtp=" + smtpHost + ":" + smtpPort + ", startTls=" + startTls
        + (username == null ? "" : ", username=" + username + ", password=***") + "]";
  }
}
