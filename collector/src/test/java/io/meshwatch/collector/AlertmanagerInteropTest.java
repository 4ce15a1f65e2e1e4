package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.alerting.Receiver;
import io.meshwatch.alerting.receiver.AlertmanagerProcess;
import io.meshwatch.alerting.receiver.ReceiverTarget;
import io.meshwatch.alerting.routing.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 1 of the alerting issue, against a real Prometheus Alertmanager: an SLO breach in the
 * collector shows up in Alertmanager's {@code /api/v2/alerts} with meshwatch's labels, and leaves it
 * when the SLO recovers. Runs on the system clock, because Alertmanager judges {@code endsAt} by its own.
 */
class AlertmanagerInteropTest {
  private static final String PRODUCT = "sales.orders";

  @TempDir Path dataDir;

  @Test
  void sloBreach_showsInAlertmanagerWithOurLabels_andResolvesThereWhenTheSloRecovers() throws Exception {
    try (AlertmanagerProcess alertmanager = AlertmanagerProcess.start()) {
      Route toAlertmanager = new Route(List.of(), "team-alertmanager", List.of("product", "slo"), Duration.ZERO,
          Duration.ofSeconds(1), Duration.ofHours(4), false, false, List.of());
      Receiver receiver = new Receiver("team-alertmanager", List.of(new ReceiverTarget.Alertmanager(alertmanager.url())));
      try (MeshwatchCollector collector = MeshwatchCollector.start(
          AlertingFixture.config(dataDir, AlertingFixture.alerting(toAlertmanager, List.of(receiver))),
          InstantSource.system(), List.of(AlertingFixture.runs(PRODUCT, List.of())))) {
        CollectorClient client = new CollectorClient(collector.uri());

        AlertingFixture.post(client, PRODUCT, AlertingFixture.runs(0, 20, Instant.now().minusSeconds(60)));
        collector.evaluateNow();
        await().atMost(Duration.ofSeconds(15)).until(() -> ours(alertmanager).size() == 3);
        JsonNode page = ours(alertmanager).stream()
            .filter(a -> a.path("labels").path("severity").asText().equals("page")).findFirst().orElseThrow();
        assertThat(page.path("labels").path("alertname").asText()).isEqualTo("MeshwatchErrorBudgetBurn");
        assertThat(page.path("labels").path("domain").asText()).isEqualTo("sales");
        assertThat(page.path("labels").path("slo").asText()).isEqualTo("runs");
        assertThat(page.path("labels").path("sli").asText()).isEqualTo("run_success");
        assertThat(page.path("labels").path("team").asText()).isEqualTo("team-sales");
        assertThat(page.path("annotations").path("summary").asText()).contains(PRODUCT);
        assertThat(page.path("status").path("state").asText()).isEqualTo("active");

        AlertingFixture.post(client, PRODUCT, AlertingFixture.runs(10_000, 0));
        collector.evaluateNow();
        await().atMost(Duration.ofSeconds(15)).until(() -> ours(alertmanager).isEmpty());
        assertThat(client.json("/api/v1/alerts?product=" + PRODUCT + "&state=firing").path("count").asInt()).isZero();
      }
    }
  }

  /** The alerts Alertmanager holds as active about our product. */
  private static List<JsonNode> ours(AlertmanagerProcess alertmanager) throws Exception {
    List<JsonNode> alerts = new ArrayList<>();
    for (JsonNode alert : CollectorClient.parse(AlertmanagerProcess.get(alertmanager.url().resolve("/api/v2/alerts?active=true")))) {
      if (alert.path("labels").path("product").asText().equals(PRODUCT)) {
        alerts.add(alert);
      }
    }
    return alerts;
  }
}
