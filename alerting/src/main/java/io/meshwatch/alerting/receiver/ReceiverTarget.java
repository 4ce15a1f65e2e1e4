package io.meshwatch.alerting.receiver;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One place a receiver delivers to, as configured. A named receiver has one or more targets (as
 * Alertmanager's {@code webhook_configs}, {@code slack_configs}, ... ).
 */
public sealed interface ReceiverTarget {

  /** Alertmanager's webhook JSON, posted to {@code url}. */
  record Webhook(URI url) implements ReceiverTarget {
    public Webhook {
      requireHttp("webhook url", url);
    }
  }

  /** A Slack incoming webhook; {@code channel} overrides the webhook's own channel when set. */
  record Slack(URI webhookUrl, @Nullable String channel) implements ReceiverTarget {
    public Slack {
      requireHttp("slack webhookUrl", webhookUrl);
    }
  }

  /** PagerDuty Events API v2 with an integration's routing key; {@code eventsUrl} defaults to PagerDuty's. */
  record PagerDuty(String routingKey, URI eventsUrl) implements ReceiverTarget {
    public static final URI EVENTS_V2 = URI.create("https://events.pagerduty.com/v2/enqueue");

    public PagerDuty {
      if (routingKey == null || routingKey.isBlank()) {
        throw new IllegalArgumentException("pagerduty needs a routingKey");
      }
      requireHttp("pagerduty eventsUrl", eventsUrl);
    }
  }

  /** E-mail over SMTP. {@code username}/{@code password} null for no authentication. */
  record Email(List<String> to, String from, String smtpHost, int smtpPort, boolean startTls,
      @Nullable String username, @Nullable String password) implements ReceiverTarget {
    public Email {
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("email needs at least one 'to' address");
      }
      if (from == null || from.isBlank() || smtpHost == null || smtpHost.isBlank()) {
        throw new IllegalArgumentException("email needs 'from' and an SMTP host");
      }
      if (smtpPort < 1 || smtpPort > 65_535) {
        throw new IllegalArgumentException("email smtp port must be 1..65535, got " + smtpPort);
      }
    }

    /** Hides the password. */
    @Override
    public String toString() {
      return "Email[to=" + to + ", from=" + from + ", smtp=" + smtpHost + ":" + smtpPort + "]";
    }
  }

  /** A Prometheus Alertmanager's API v2 base URL, e.g. {@code http://am:9093}; alerts are posted to {@code /api/v2/alerts}. */
  record Alertmanager(URI url) implements ReceiverTarget {
    public Alertmanager {
      requireHttp("alertmanager url", url);
    }
  }

  private static void requireHttp(String field, URI url) {
    if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new IllegalArgumentException(field + " must be an http or https URL, got " + url);
    }
  }
}
