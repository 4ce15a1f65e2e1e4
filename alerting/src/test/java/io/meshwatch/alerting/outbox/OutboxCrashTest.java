package io.meshwatch.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.Notifier;
import io.meshwatch.alerting.receiver.WebhookNotifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OutboxCrashTest {
  private static final int COUNT = 20;

  @TempDir Path dir;

  @Test
  @Timeout(60)
  void open_afterSigkillDeliversEveryPendingNotificationExactlyOnce() throws Exception {
    List<String> enqueued = new ArrayList<>();
    // The receiver is down while the child runs; after the crash the outbox posts to one that is up,
    // so a post the dying child left in flight cannot be counted as a delivery.
    try (WebhookSink down = new WebhookSink(() -> 503); WebhookSink up = new WebhookSink(() -> 200)) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), OutboxCrashChild.class.getName(),
          dir.toString(), down.url().toString(), String.valueOf(COUNT))
          .redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null && !line.equals("READY"); line = out.readLine()) {
          if (line.startsWith("ENQUEUED ")) {
            enqueued.add(line.substring("ENQUEUED ".length()));
          }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> down.rejected.get() >= COUNT);
      } finally {
        child.destroyForcibly();
      }
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
      assertThat(enqueued).hasSize(COUNT);
      assertThat(up.accepted).isEmpty();

      Notifier webhook = new WebhookNotifier(up.url(), URI.create("http://meshwatch.test/"), Duration.ofSeconds(5));
      try (Outbox outbox = Outbox.open(dir, OutboxOptions.defaults().withFsync(false),
          name -> name.equals("hook") ? Optional.of(webhook) : Optional.empty(), InstantSource.system(),
          DeliveryListener.NONE)) {
        assertThat(outbox.pending()).extracting(PendingDelivery::id).containsExactlyElementsOf(enqueued);
        outbox.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.pending().isEmpty());
      }

      // Group gN carries notification nN: counted by id and by whole body, each arrived once.
      Map<String, Long> byGroup = counts(up.acceptedGroups());
      assertThat(byGroup).containsOnlyKeys(IntStream.range(0, COUNT).mapToObj(i -> "g" + i).toList());
      assertThat(byGroup.values()).containsOnly(1L);
      assertThat(counts(up.accepted)).hasSize(COUNT).allSatisfy((body, count) -> assertThat(count).isEqualTo(1L));
    }
  }

  private static Map<String, Long> counts(List<String> values) {
    return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
