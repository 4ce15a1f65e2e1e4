package io.meshwatch.collector.config;

import io.meshwatch.alerting.EmailServer;
import io.meshwatch.alerting.Receiver;
import io.meshwatch.alerting.receiver.ReceiverTarget;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code alerting.receivers}: named receivers, each with a list of targets per kind. A name used
 * twice, the reserved name {@code oncall}, a receiver without targets and a target that cannot work
 * (a URL that is not http, an e-mail without a sender) are problems at their line.
 */
final class ReceiversReader {

  static final List<String> FIELDS = List.of("name", "webhook", "slack", "pagerduty", "email", "alertmanager");
  static final List<String> WEBHOOK = List.of("url");
  static final List<String> SLACK = List.of("webhookUrl", "channel");
  static final List<String> PAGERDUTY = List.of("routingKey", "eventsUrl");
  static final List<String> EMAIL = List.of("to", "from", "smtp", "startTls", "username", "password");
  static final List<String> ALERTMANAGER = List.of("url");
  static final List<String> SMTP_SERVER = List.of("from", "smtp", "startTls", "username", "password");

  private final YamlMap alerting;
  private final Map<String, Integer> lineOf = new LinkedHashMap<>();
  private final List<Receiver> receivers = new ArrayList<>();

  private ReceiversReader(YamlMap alerting) {
    this.alerting = alerting;
  }

  /**
   * The receivers of {@code alerting}, and the names of all of them: also of those with problems, so
   * that routes naming them are not reported again as naming an unknown receiver.
   */
  record Read(List<Receiver> receivers, List<String> names) {}

  static Read read(YamlMap alerting) {
    ReceiversReader reader = new ReceiversReader(alerting);
    List<Node> items = alerting.list("receivers");
    for (int i = 0; i < items.size(); i++) {
      YamlMap receiver = alerting.map(items.get(i), alerting.field("receivers") + "[" + i + "]");
      if (receiver != null) {
        reader.readReceiver(receiver.allowOnly(FIELDS));
      }
    }
    return new Read(List.copyOf(reader.receivers), List.copyOf(reader.lineOf.keySet()));
  }

  private void readReceiver(YamlMap receiver) {
    String name = receiver.requiredString("name");
    Problems problems = receiver.problems();
    if (name != null && name.equals(RoutedTo.ON_CALL)) {
      problems.error(receiver.line("name"), receiver.field("name"), "'" + RoutedTo.ON_CALL
          + "' is reserved: it sends to the on-call contacts of each product's descriptor (see onCall)");
      return;
    }
    if (name != null) {
      Integer first = lineOf.putIfAbsent(name, receiver.line("name"));
      if (first != null) {
        problems.error(receiver.line("name"), receiver.field("name"),
            "receiver '" + name + "' is already defined on line " + first + "; receiver names must be unique");
        return;
      }
    }
    int before = problems.errorCount();
    List<ReceiverTarget> targets = new ArrayList<>();
    targets(receiver, "webhook", WEBHOOK, targets,
        t -> new ReceiverTarget.Webhook(t.value("url", true, "an http URL", AlertingConfigReader::httpUrl)));
    targets(receiver, "slack", SLACK, targets, t -> new ReceiverTarget.Slack(
        t.value("webhookUrl", true, "an http URL", AlertingConfigReader::httpUrl), t.string("channel")));
    targets(receiver, "pagerduty", PAGERDUTY, targets, t -> new ReceiverTarget.PagerDuty(t.requiredString("routingKey"),
        or(t.value("eventsUrl", false, "an http URL", AlertingConfigReader::httpUrl), ReceiverTarget.PagerDuty.EVENTS_V2)));
    targets(receiver, "email", EMAIL, targets, t -> {
      List<String> to = t.strings("to");
      if (to.isEmpty()) {
        problems.error(t.line("to"), t.field("to"), "needs at least one address, e.g. to: [oncall@example.com]");
      }
      EmailServer server = emailServer(t);
      return server == null || to.isEmpty() ? null : server.to(to);
    });
    targets(receiver, "alertmanager", ALERTMANAGER, targets,
        t -> new ReceiverTarget.Alertmanager(t.value("url", true, "an http URL", AlertingConfigReader::httpUrl)));
    if (name == null || problems.errorCount() > before) {
      return;
    }
    if (targets.isEmpty()) {
      problems.error(receiver.line(), receiver.path(), "receiver '" + name
          + "' has no targets; give it at least one of " + String.join(", ", FIELDS.subList(1, FIELDS.size())));
      return;
    }
    receivers.add(new Receiver(name, targets));
  }

  /**
   * Reads each map of the list under {@code kind}. {@code build} may see nulls for fields with problems
   * (already recorded); what it throws then is not news, so it is only reported when nothing else was.
   */
  private void targets(YamlMap receiver, String kind, List<String> fields, List<ReceiverTarget> targets,
      Function<YamlMap, @Nullable ReceiverTarget> build) {
    List<Node> items = receiver.list(kind);
    for (int i = 0; i < items.size(); i++) {
      YamlMap target = receiver.map(items.get(i), receiver.field(kind) + "[" + i + "]");
      if (target == null) {
        continue;
      }
      int before = receiver.problems().errorCount();
      try {
        ReceiverTarget built = build.apply(target.allowOnly(fields));
        if (built != null && receiver.problems().errorCount() == before) {
          targets.add(built);
        }
      } catch (IllegalArgumentException e) {
        if (receiver.problems().errorCount() == before) {
          receiver.problems().error(target.line(), target.path(), e.getMessage());
        }
      }
    }
  }

  /** An SMTP server and sender ({@code from}, {@code smtp: host:port}, {@code startTls}, credentials), or null after recording why not. */
  static @Nullable EmailServer emailServer(YamlMap map) {
    int before = map.problems().errorCount();
    String from = map.requiredString("from");
    HostPort smtp = map.value("smtp", true, "host:port", HostPort::parse);
    Boolean startTls = map.value("startTls", false, "true or false", AlertingConfigReader::bool);
    String username = map.string("username");
    String password = map.string("password");
    if (from == null || smtp == null || map.problems().errorCount() > before) {
      return null;
    }
    try {
      return new EmailServer(from, smtp.host(), smtp.port(), Boolean.TRUE.equals(startTls), username, password);
    } catch (IllegalArgumentException e) {
      map.problems().error(map.line(), map.path(), e.getMessage());
      return null;
    }
  }

  private static <T> T or(@Nullable T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** {@code smtp.example.com:587}, {@code [::1]:25}, or a bare host for port 25. */
  record HostPort(String host, int port) {

    private static final Pattern TEXT = Pattern.compile("(?:\\[([0-9a-fA-F:.]+)]|([^\\s:\\[\\]]+))(?::(\\d{1,5}))?");

    static HostPort parse(String text) {
      java.util.regex.Matcher m = TEXT.matcher(text.strip());
      int port = !m.matches() ? -1 : m.group(3) == null ? 25 : Integer.parseInt(m.group(3));
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("must be an SMTP server as host:port, e.g. smtp.example.com:587, got '" + text + "'");
      }
      return new HostPort(m.group(1) != null ? m.group(1) : m.group(2), port);
    }
  }
}
