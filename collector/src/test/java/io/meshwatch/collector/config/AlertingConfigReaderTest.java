package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.alerting.Delivery;
import io.meshwatch.alerting.EmailServer;
import io.meshwatch.alerting.OnCallDefaults;
import io.meshwatch.alerting.Receiver;
import io.meshwatch.alerting.receiver.ReceiverTarget;
import io.meshwatch.alerting.routing.Matcher;
import io.meshwatch.alerting.routing.Route;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.collector.descriptor.DescriptorProblem;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingConfigReaderTest {

  private static final Map<String, String> ENV = Map.of("PD_SALES_KEY", "pd-key", "SLACK_HOOK",
      "https://hooks.slack.com/services/T/B/x", "SMTP_PASSWORD", "hunter2");

  @Test
  void read_fullSection() {
    AlertingConfig alerting = read("""
        alerting:
          externalUrl: https://meshwatch.example.com
          pendingFor: 1m
          keepFiringFor: 0s
          route:
            receiver: oncall
            groupBy: [product, slo]
            groupWait: 10s
            groupInterval: 2m
            repeatInterval: 3h
            routes:
              - matchers: ['severity="page"', 'domain=~"sales|finance"']
                receiver: pagerduty-sales
                continue: true
                routes:
                  - matchers: [ 'slo!="volume"' ]
                    groupBy: ['...']
              - matchers: ['severity="ticket"']
                receiver: team-slack
                notifyInhibited: true
                groupWait: 0s
                repeatInterval: 1d
          receivers:
            - name: pagerduty-sales
              pagerduty: [ { routingKey: "${PD_SALES_KEY}" } ]
            - name: team-slack
              slack: [ { webhookUrl: "${SLACK_HOOK}", channel: "#data-alerts" } ]
              webhook: [ { url: http://hooks.example.com/meshwatch } ]
              email: [ { to: [oncall@example.com, b@example.com], from: meshwatch@example.com, smtp: "smtp.example.com:587", startTls: true, username: u, password: "${SMTP_PASSWORD}" } ]
              alertmanager: [ { url: http://alertmanager:9093 } ]
              pagerduty: [ { routingKey: k2, eventsUrl: "http://127.0.0.1:9/v2/enqueue" } ]
          onCall:
            slack: { webhookUrl: "${SLACK_HOOK}" }
            email: { from: meshwatch@example.com, smtp: "smtp.example.com" }
            pagerduty: { eventsUrl: https://events.eu.pagerduty.com/v2/enqueue }
          inhibition: { lineage: false }
          delivery: { timeout: 5s, maxRetryAge: 12h }
        """);

    URI slackHook = URI.create("https://hooks.slack.com/services/T/B/x");
    Route paging = new Route(List.of(Matcher.parse("severity=\"page\""), Matcher.parse("domain=~\"sales|finance\"")),
        "pagerduty-sales", null, null, null, null, true, null,
        List.of(new Route(List.of(Matcher.parse("slo!=\"volume\"")), null, List.of("..."), null, null, null, false, null,
            List.of())));
    Route tickets = new Route(List.of(Matcher.parse("severity=\"ticket\"")), "team-slack", null, Duration.ZERO, null,
        Duration.ofDays(1), false, true, List.of());
    assertThat(alerting).isEqualTo(new AlertingConfig(
        URI.create("https://meshwatch.example.com"), Duration.ofMinutes(1), Duration.ZERO,
        new Route(List.of(), RoutedTo.ON_CALL, List.of("product", "slo"), Duration.ofSeconds(10), Duration.ofMinutes(2),
            Duration.ofHours(3), false, false, List.of(paging, tickets)),
        List.of(
            new Receiver("pagerduty-sales", List.of(new ReceiverTarget.PagerDuty("pd-key", ReceiverTarget.PagerDuty.EVENTS_V2))),
            new Receiver("team-slack", List.of(
                new ReceiverTarget.Webhook(URI.create("http://hooks.example.com/meshwatch")),
                new ReceiverTarget.Slack(slackHook, "#data-alerts"),
                new ReceiverTarget.PagerDuty("k2", URI.create("http://127.0.0.1:9/v2/enqueue")),
                new ReceiverTarget.Email(List.of("oncall@example.com", "b@example.com"), "meshwatch@example.com",
                    "smtp.example.com", 587, true, "u", "hunter2"),
                new ReceiverTarget.Alertmanager(URI.create("http://alertmanager:9093"))))),
        new OnCallDefaults(slackHook, new EmailServer("meshwatch@example.com", "smtp.example.com", 25, false, null, null),
            URI.create("https://events.eu.pagerduty.com/v2/enqueue")),
        false,
        new Delivery(Duration.ofSeconds(5), Duration.ofHours(12))));
  }

  @Test
  void read_absentOrPartialSectionKeepsTheDefaults() {
    assertThat(read("dataDir: ./data\n")).isEqualTo(AlertingConfig.defaults());
    assertThat(read("alerting: {}\n")).isEqualTo(AlertingConfig.defaults());

    AlertingConfig partial = read("""
        alerting:
          route: { groupWait: 1m, routes: [ { matchers: ['severity="page"'], receiver: oncall } ] }
          delivery: { timeout: 30s }
        """);
    Route defaults = AlertingConfig.defaultRoute();
    assertThat(partial.route().receiver()).isEqualTo(RoutedTo.ON_CALL);
    assertThat(partial.route().groupBy()).isEqualTo(defaults.groupBy());
    assertThat(partial.route().groupWait()).isEqualTo(Duration.ofMinutes(1));
    assertThat(partial.route().repeatInterval()).isEqualTo(defaults.repeatInterval());
    assertThat(partial.route().notifyInhibited()).isFalse();
    assertThat(partial.route().routes()).singleElement().satisfies(child -> {
      assertThat(child.receiver()).isEqualTo(RoutedTo.ON_CALL);
      assertThat(child.groupWait()).isNull();
    });
    assertThat(partial.delivery()).isEqualTo(new Delivery(Duration.ofSeconds(30), Duration.ofHours(24)));
    assertThat(partial.onCall()).isEqualTo(OnCallDefaults.DEFAULTS);
  }

  @Test
  void read_reportsEveryProblemWithItsLine() {
    String yaml = """
        alerting:
          externalUrl: meshwatch.example.com
          pendingFor: soon
          route:
            matchers: ['a="b"']
            continue: true
            groupBy: [product, "not a label", product]
            groupInterval: 0s
            routes:
              - matchers: ['severity=page"', 'x=~"("']
                receiver: team-slak
                continu: true
              - receiver: nobody
          receivers:
            - name: team-slack
              slack: [ { webhookUrl: "ftp://x" } ]
            - name: team-slack
              webhook: [ { url: http://a } ]
            - name: oncall
              webhook: [ { url: http://a } ]
            - name: empty
            - name: mail
              email: [ { to: [], from: m@x, smtp: "smtp:99999", pasword: x } ]
              pagerduty: [ { eventsUrl: http://pd } ]
          onCall:
            email: { from: m@x, smtp: s, username: u }
            teams: { url: http://t }
          inhibition: { lineage: maybe }
          delivery: { timeout: 1h, maxRetryAge: 1m }
        """;

    assertThatThrownBy(() -> read(yaml)).isInstanceOfSatisfying(ConfigException.class, e ->
        assertThat(e.problems()).extracting(AlertingConfigReaderTest::describe).containsExactly(
            "2 alerting.externalUrl: must be an http or https URL such as https://host/path, got 'meshwatch.example.com'",
            "3 alerting.pendingFor: must be a duration such as 90s, 5m, 1h, 28d or 4w, got 'soon'",
            "5 alerting.route.matchers: the root route takes every alert and has no matchers; put them on its routes",
            "6 alerting.route.continue: the root route has no siblings to continue to",
            "7 alerting.route.groupBy[1]: must be a label name, or '...' for every label, got 'not a label'",
            "7 alerting.route.groupBy[2]: lists 'product' twice",
            "8 alerting.route.groupInterval: must be a duration above zero, got '0s'",
            "10 alerting.route.routes[0].matchers[0]: matcher must look like name=\"value\" (or !=, =~, !~), got 'severity=page\"'",
            "10 alerting.route.routes[0].matchers[1]: matcher x=~ has an invalid regex (RE2 syntax): missing closing )",
            "11 alerting.route.routes[0].receiver: unknown receiver 'team-slak' (did you mean 'team-slack'?)",
            "12 alerting.route.routes[0].continu: unknown field (did you mean 'continue'?)",
            "13 alerting.route.routes[1].receiver: unknown receiver 'nobody'; receivers: team-slack, empty, mail, oncall",
            "16 alerting.receivers[0].slack[0].webhookUrl: must be an http or https URL such as https://host/path, got 'ftp://x'",
            "17 alerting.receivers[1].name: receiver 'team-slack' is already defined on line 15; receiver names must be unique",
            "19 alerting.receivers[2].name: 'oncall' is reserved: it sends to the on-call contacts of each product's descriptor (see onCall)",
            "21 alerting.receivers[3]: receiver 'empty' has no targets; give it at least one of webhook, slack, pagerduty, email, alertmanager",
            "23 alerting.receivers[4].email[0].pasword: unknown field (did you mean 'password'?)",
            "23 alerting.receivers[4].email[0].to: needs at least one address, e.g. to: [oncall@example.com]",
            "23 alerting.receivers[4].email[0].smtp: must be an SMTP server as host:port, e.g. smtp.example.com:587, got 'smtp:99999'",
            "24 alerting.receivers[4].pagerduty[0].routingKey: is required",
            "26 alerting.onCall.email: email username and password go together: set both or neither",
            "27 alerting.onCall.teams: unknown field; known fields: slack, email, pagerduty",
            "28 alerting.inhibition.lineage: must be true or false, got 'maybe'",
            "29 alerting.delivery: delivery maxRetryAge must be at least the timeout (1h), got 1m"));
  }

  @Test
  void read_unknownTopLevelFieldOfTheSectionGetsAHint() {
    assertThatThrownBy(() -> read("alerting:\n  recievers: []\n"))
        .hasMessageContaining(":2: alerting.recievers: unknown field (did you mean 'receivers'?)");
  }

  @Test
  void hostPort_readsHostsPortsAndIpv6() {
    assertThat(ReceiversReader.HostPort.parse("smtp.example.com:587"))
        .isEqualTo(new ReceiversReader.HostPort("smtp.example.com", 587));
    assertThat(ReceiversReader.HostPort.parse("localhost")).isEqualTo(new ReceiversReader.HostPort("localhost", 25));
    assertThat(ReceiversReader.HostPort.parse("[::1]:2525")).isEqualTo(new ReceiversReader.HostPort("::1", 2525));
    for (String bad : new String[] {"", "a:b", "::1", "h:0", "two words:25"}) {
      assertThatThrownBy(() -> ReceiversReader.HostPort.parse(bad)).as(bad).hasMessageContaining("host:port");
    }
  }

  private static String describe(DescriptorProblem problem) {
    return problem.line() + " " + problem.field() + ": " + problem.message();
  }

  private static AlertingConfig read(String yaml) {
    return ConfigReader.read("c.yaml", yaml, Path.of("."), ENV).alerting();
  }
}
