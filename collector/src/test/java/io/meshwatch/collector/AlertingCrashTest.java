package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4 of the alerting issue: the collector is killed with SIGKILL while its notifications
 * are pending (the receiver is down); after a restart each is delivered exactly once, and the
 * restarted collector does not notify the same alerts again.
 */
class AlertingCrashTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir Path dataDir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void stopChildren() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void killWhileNotificationsArePending_restartDeliversEachExactlyOnce() throws Exception {
    try (WebhookSink sink = new WebhookSink()) {
      sink.answer(503);
      String sinkBase = sink.uri("/").toString();
      ChildCollector crashing = ChildCollector.start(children, AlertingCrashMain.class, dataDir.toString(), T0.toString(), sinkBase);
      CollectorClient client = new CollectorClient(crashing.uri());
      for (String product : AlertingCrashMain.PRODUCTS) {
        AlertingFixture.post(client, product, AlertingFixture.runs(0, 10));
      }
      crashing.command("evaluate");
      await().atMost(Duration.ofSeconds(10)).until(() -> attemptedPaths(sink).size() == AlertingCrashMain.PRODUCTS.size());
      assertThat(client.sample("meshwatch_notifications_pending")).contains(3.0);
      Set<String> ids = sink.received().stream().map(WebhookSink.Received::idempotencyKey).collect(Collectors.toSet());

      crashing.process().destroyForcibly(); // SIGKILL on Linux
      assertThat(crashing.process().waitFor()).isEqualTo(137);
      int attemptsBeforeCrash = sink.received().size();
      sink.answer(200);

      ChildCollector restarted = ChildCollector.start(children, AlertingCrashMain.class, dataDir.toString(),
          T0.plus(Duration.ofMinutes(1)).toString(), sinkBase);
      restarted.command("evaluate");
      await().atMost(Duration.ofSeconds(10)).until(() -> accepted(sink).size() == AlertingCrashMain.PRODUCTS.size());
      restarted.command("at " + T0.plus(Duration.ofMinutes(2)));
      restarted.command("evaluate");
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
          .until(() -> accepted(sink).size() == AlertingCrashMain.PRODUCTS.size());

      List<WebhookSink.Received> delivered = accepted(sink);
      assertThat(delivered).extracting(WebhookSink.Received::path)
          .containsExactlyInAnyOrderElementsOf(AlertingCrashMain.PRODUCTS.stream().map(p -> "/" + p).toList());
      assertThat(delivered).extracting(WebhookSink.Received::idempotencyKey).doesNotHaveDuplicates()
          .allSatisfy(id -> assertThat(ids).contains(id));
      assertThat(sink.received().subList(attemptsBeforeCrash, sink.received().size())).allMatch(WebhookSink.Received::accepted);
    }
  }

  private static Set<String> attemptedPaths(WebhookSink sink) {
    return sink.received().stream().map(WebhookSink.Received::path).collect(Collectors.toSet());
  }

  private static List<WebhookSink.Received> accepted(WebhookSink sink) {
    return sink.received().stream().filter(WebhookSink.Received::accepted).toList();
  }
}
