package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.Notifier;
import io.meshwatch.alerting.receiver.WebhookNotifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Run by {@link OutboxCrashTest} in a child JVM, to be killed: opens an outbox in {@code args[0]},
 * enqueues {@code args[2]} notifications to the webhook {@code args[1]}, printing {@code ENQUEUED <id>}
 * after each, then {@code READY}, and keeps retrying until it is killed.
 */
final class OutboxCrashChild {
  private OutboxCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Notifier webhook = new WebhookNotifier(URI.create(args[1]), URI.create("http://meshwatch.test/"), Duration.ofSeconds(2));
    int count = Integer.parseInt(args[2]);
    OutboxOptions options = OutboxOptions.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
    Outbox outbox = Outbox.open(dir, options, name -> name.equals("hook") ? Optional.of(webhook) : Optional.empty(),
        InstantSource.system(), DeliveryListener.NONE);
    outbox.start();
    for (int i = 0; i < count; i++) {
      String id = "n" + i;
      outbox.enqueue(Notifications.firing(id, "hook", "g" + i));
      System.out.println("ENQUEUED " + id);
    }
    System.out.println("READY");
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
