package io.meshwatch.collector.config;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.alerting.Delivery;
import io.meshwatch.alerting.EmailServer;
import io.meshwatch.alerting.OnCallDefaults;
import io.meshwatch.alerting.routing.Route;
import io.meshwatch.collector.descriptor.DurationText;
import io.meshwatch.collector.descriptor.YamlMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code alerting} section (docs/CONFIG.md, "Alerting") into an {@link AlertingConfig} on
 * top of {@link AlertingConfig#defaults()}: timers, the route tree ({@link RouteReader}), named
 * receivers ({@link ReceiversReader}), how on-call contacts are reached, inhibition and delivery.
 */
final class AlertingConfigReader {

  static final List<String> FIELDS = List.of("externalUrl", "pendingFor", "keepFiringFor", "route", "receivers",
      "onCall", "inhibition", "delivery");
  static final List<String> ON_CALL = List.of("slack", "email", "pagerduty");
  static final List<String> ON_CALL_SLACK = List.of("webhookUrl");
  static final List<String> ON_CALL_PAGERDUTY = List.of("eventsUrl");
  static final List<String> INHIBITION = List.of("lineage");
  static final List<String> DELIVERY = List.of("timeout", "maxRetryAge");

  private AlertingConfigReader() {}

  /** The alerting config {@code alerting} describes; the defaults when absent; null after recording its problems. */
  static @Nullable AlertingConfig read(@Nullable YamlMap alerting) {
    AlertingConfig defaults = AlertingConfig.defaults();
    if (alerting == null) {
      return defaults;
    }
    int before = alerting.problems().errorCount();
    alerting.allowOnly(FIELDS);
    URI externalUrl = alerting.value("externalUrl", false, "an http URL", AlertingConfigReader::httpUrl);
    Duration pendingFor = alerting.value("pendingFor", false, "a duration", DurationText::parse);
    Duration keepFiringFor = alerting.value("keepFiringFor", false, "a duration", DurationText::parse);
    ReceiversReader.Read receivers = ReceiversReader.read(alerting);
    Route route = RouteReader.readRoot(alerting.map("route"), receivers.names());
    OnCallDefaults onCall = onCall(alerting.map("onCall"));
    YamlMap inhibition = alerting.map("inhibition");
    Boolean lineage = inhibition == null ? null
        : inhibition.allowOnly(INHIBITION).value("lineage", false, "true or false", AlertingConfigReader::bool);
    Delivery delivery = delivery(alerting.map("delivery"));
    if (alerting.problems().errorCount() > before) {
      return null;
    }
    try {
      return new AlertingConfig(ConfigReader.or(externalUrl, defaults.externalUrl()), ConfigReader.or(pendingFor, defaults.pendingFor()),
          ConfigReader.or(keepFiringFor, defaults.keepFiringFor()), route, receivers.receivers(), onCall,
          ConfigReader.or(lineage, defaults.lineageInhibition()), delivery);
    } catch (IllegalArgumentException e) {
      // only reached when a rule of AlertingConfig has no check with a line of its own above
      alerting.problems().error(alerting.line(), alerting.path(), e.getMessage());
      return null;
    }
  }

  private static OnCallDefaults onCall(@Nullable YamlMap onCall) {
    OnCallDefaults defaults = OnCallDefaults.DEFAULTS;
    if (onCall == null) {
      return defaults;
    }
    onCall.allowOnly(ON_CALL);
    YamlMap slack = onCall.map("slack");
    URI slackWebhook = slack == null ? null
        : slack.allowOnly(ON_CALL_SLACK).value("webhookUrl", true, "an http URL", AlertingConfigReader::httpUrl);
    YamlMap email = onCall.map("email");
    EmailServer server = email == null ? null : ReceiversReader.emailServer(email.allowOnly(ReceiversReader.SMTP_SERVER));
    YamlMap pagerDuty = onCall.map("pagerduty");
    URI eventsUrl = pagerDuty == null ? null
        : pagerDuty.allowOnly(ON_CALL_PAGERDUTY).value("eventsUrl", false, "an http URL", AlertingConfigReader::httpUrl);
    return new OnCallDefaults(slackWebhook, server, ConfigReader.or(eventsUrl, defaults.pagerDutyEventsUrl()));
  }

  private static Delivery delivery(@Nullable YamlMap delivery) {
    Delivery defaults = Delivery.DEFAULTS;
    if (delivery == null) {
      return defaults;
    }
    delivery.allowOnly(DELIVERY);
    Duration timeout = delivery.value("timeout", false, "a duration", ConfigReader::positive);
    Duration maxRetryAge = delivery.value("maxRetryAge", false, "a duration", ConfigReader::positive);
    try {
      return new Delivery(ConfigReader.or(timeout, defaults.timeout()), ConfigReader.or(maxRetryAge, defaults.maxRetryAge()));
    } catch (IllegalArgumentException e) {
      delivery.problems().error(delivery.line(), delivery.path(), e.getMessage());
      return defaults;
    }
  }

  /** An absolute http or https URL. */
  static URI httpUrl(String text) {
    try {
      URI url = new URI(text.strip());
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below, with the text as written
    }
    throw new IllegalArgumentException("must be an http or https URL such as https://host/path, got '" + text + "'");
  }

  static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false, got '" + text + "'");
    };
  }
}
