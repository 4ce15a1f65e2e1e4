package io.meshwatch.alerting.outbox;

import static io.meshwatch.alerting.outbox.Notifications.firing;
import static io.meshwatch.alerting.outbox.Notifications.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.Notifier;
import io.meshwatch.alerting.receiver.WebhookNotifier;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxStartTest {
  @TempDir Path dir;

  @Test
  void start_deliversToAWebhookThatFailsTwiceInEnqueueOrderPerGroup() throws IOException {
    AtomicInteger posts = new AtomicInteger();
    try (WebhookSink sink = new WebhookSink(() -> posts.incrementAndGet() <= 2 ? 503 : 200)) {
      Notifier webhook = new WebhookNotifier(sink.url(), URI.create("http://meshwatch.test/"), Duration.ofSeconds(5));
      RecordingListener listener = new RecordingListener();
      OutboxOptions options = OutboxOptions.defaults().withFsync(false).withBackoff(Duration.ofMillis(20), Duration.ofMillis(100));
      try (Outbox outbox = Outbox.open(dir, options,
          name -> name.equals("hook") ? Optional.of(webhook) : Optional.empty(), InstantSource.system(), listener)) {
        outbox.start();
        outbox.enqueue(firing("a-firing", "hook", "a"));
        outbox.enqueue(resolved("a-resolved", "hook", "a"));
        outbox.enqueue(firing("b-firing", "hook", "b"));
        outbox.enqueue(resolved("b-resolved", "hook", "b"));

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending().isEmpty());

        assertThat(sink.rejected).hasValue(2);
        assertThat(sink.acceptedGroups()).containsExactlyInAnyOrder("a", "a", "b", "b");
        for (String group : new String[] {"a", "b"}) {
          assertThat(sink.accepted.stream().filter(body -> WebhookSink.group(body).equals(group))
              .map(body -> body.contains("\"status\":\"firing\"") ? "firing" : "resolved"))
              .as("group " + group).containsExactly("firing", "resolved");
        }
        assertThat(listener.events).filteredOn(event -> event.startsWith("delivered")).hasSize(4);
        assertThat(listener.events).filteredOn(event -> event.contains("will retry: HTTP 503")).hasSize(2);
      }
    }
  }

  @Test
  void close_stopsIdleDeliveryThreads() throws IOException {
    Outbox outbox = Outbox.open(dir, OutboxOptions.defaults().withFsync(false), name -> Optional.empty(),
        InstantSource.system(), DeliveryListener.NONE);
    outbox.start();

    outbox.close();

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("meshwatch-outbox-") && thread.isAlive());
  }
}
