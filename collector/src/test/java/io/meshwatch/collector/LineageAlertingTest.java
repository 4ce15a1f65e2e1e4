package io.meshwatch.collector;

import static io.meshwatch.collector.AlertingFixture.freshness;
import static io.meshwatch.collector.AlertingFixture.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.alerting.routing.Matcher;
import io.meshwatch.alerting.routing.Route;
import io.meshwatch.alerting.routing.RoutedTo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 3 of the alerting issue: a chain raw_orders → orders → revenue whose root goes stale
 * pages once, the root's owner; both downstream alerts are inhibited and name the root; the finance
 * route asks for notices of inhibited alerts and gets one, marked as caused upstream.
 */
class LineageAlertingTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final String ROOT = "sales.raw_orders";
  private static final String MIDDLE = "sales.orders";
  private static final String LEAF = "finance.revenue";

  @TempDir Path dataDir;

  @Test
  void staleRoot_pagesOnlyTheRootsOwner_andDownstreamAlertsNameTheRoot() throws Exception {
    TestClock clock = new TestClock(T0);
    Route financeNotices = new Route(List.of(Matcher.parse("domain=\"finance\"")), RoutedTo.ON_CALL, null, null, null, null,
        false, true, List.of());
    try (WebhookSink sink = new WebhookSink();
        MeshwatchCollector collector = MeshwatchCollector.start(
            AlertingFixture.config(dataDir, AlertingFixture.alerting(List.of(financeNotices), List.of())), clock,
            List.of(AlertingFixture.fresh(ROOT, sink.uri("/" + ROOT)),
                AlertingFixture.fresh(MIDDLE, sink.uri("/" + MIDDLE), ROOT),
                AlertingFixture.fresh(LEAF, sink.uri("/" + LEAF), MIDDLE)))) {
      CollectorClient client = new CollectorClient(collector.uri());
      for (int minute = 0; minute <= 30; minute += 5) {
        clock.set(T0.plus(Duration.ofMinutes(minute)));
        for (String product : List.of(ROOT, MIDDLE, LEAF)) {
          post(client, product, freshness(T0)); // the pipelines run, but their data stays as of T0
        }
      }
      collector.evaluateNow();

      await().atMost(Duration.ofSeconds(10)).until(() -> sink.accepted("/" + ROOT).size() == 1 && sink.accepted("/" + LEAF).size() == 1);
      JsonNode rootAlerts = sink.accepted("/" + ROOT).get(0).body().path("alerts");
      assertThat(pages(rootAlerts)).as("pages to the root's owner").containsExactly(ROOT);
      assertThat(sink.accepted("/" + MIDDLE)).as("nothing to the middle product's owner").isEmpty();
      JsonNode notices = sink.accepted("/" + LEAF).get(0).body().path("alerts");
      assertThat(notices).isNotEmpty().allSatisfy(alert ->
          assertThat(alert.path("annotations").path("inhibited_by").asText()).isEqualTo(ROOT));

      for (String downstream : List.of(MIDDLE, LEAF)) {
        JsonNode alerts = client.json("/api/v1/alerts?product=" + downstream).path("alerts");
        assertThat(alerts).as(downstream).isNotEmpty().allSatisfy(alert -> {
          assertThat(alert.path("state").asText()).isEqualTo("suppressed");
          assertThat(alert.path("inhibitedBy").asText()).isEqualTo(ROOT);
          assertThat(alert.path("annotations").path("summary").asText()).contains("caused by upstream " + ROOT);
        });
      }
      await().atMost(Duration.ofSeconds(5)).until(() ->
          client.sample("meshwatch_notifications_sent_total", "receiver=\"oncall/webhook:" + sink.uri("/" + ROOT)).isPresent());
      assertThat(client.sample("meshwatch_notifications_sent_total", "receiver=\"oncall/webhook:" + sink.uri("/" + ROOT))).contains(1.0);
      assertThat(client.sample("meshwatch_notification_latency_seconds_count", "receiver=\"oncall/webhook:" + sink.uri("/" + ROOT)))
          .contains(1.0);
      assertThat(client.json("/api/v1/alerts?product=" + ROOT + "&severity=page").path("alerts"))
          .singleElement().satisfies(alert -> assertThat(alert.path("state").asText()).isEqualTo("firing"));
    }
  }

  private static List<String> pages(JsonNode alerts) {
    List<String> products = new ArrayList<>();
    for (JsonNode alert : alerts) {
      if (alert.path("labels").path("severity").asText().equals("page") && alert.path("status").asText().equals("firing")) {
        products.add(alert.path("labels").path("product").asText());
      }
    }
    return products;
  }
}
