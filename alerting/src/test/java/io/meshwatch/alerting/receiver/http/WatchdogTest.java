package io.meshwatch.alerting.receiver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  @Test
  void fired_isTrueBeforeTheSocketIsClosed() throws Exception {
    // The call a close fails looks at the watchdog while the close may still be running: it must
    // already read as fired then, or a timeout is reported as a broken connection.
    AtomicReference<Watchdog> watchdog = new AtomicReference<>();
    CompletableFuture<Boolean> firedWhenClosing = new CompletableFuture<>();
    CountDownLatch armed = new CountDownLatch(1);
    watchdog.set(Watchdog.closeAt(() -> {
      try {
        armed.await();
        firedWhenClosing.complete(watchdog.get().fired());
      } catch (InterruptedException e) {
        firedWhenClosing.completeExceptionally(e);
      }
    }, System.nanoTime()));
    armed.countDown();

    assertThat(firedWhenClosing.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(watchdog.get().disarm()).isFalse();
  }

  @Test
  void disarm_beforeTheDeadline_neverCloses() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Watchdog watchdog = Watchdog.closeAt(() -> closed.complete(null), System.nanoTime() + Duration.ofMillis(200).toNanos());

    assertThat(watchdog.disarm()).isTrue();
    assertThat(watchdog.disarm()).isTrue();
    Watchdog later = Watchdog.closeAt(() -> { }, System.nanoTime() + Duration.ofMillis(400).toNanos());
    await().atMost(Duration.ofSeconds(10)).until(later::fired);
    assertThat(closed).isNotDone();
    assertThat(watchdog.fired()).isFalse();
  }
}
