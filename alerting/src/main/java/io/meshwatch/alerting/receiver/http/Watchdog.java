package io.meshwatch.alerting.receiver.http;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket at a deadline, for the steps a socket timeout does not bound: a write (which has no
 * timeout) and a TLS handshake (whose every read would get the whole timeout anew). Closing the
 * socket fails the blocked call at once.
 */
final class Watchdog {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "meshwatch-http-deadline");
    thread.setDaemon(true);
    return thread;
  });

  private Watchdog() {}

  /**
   * Closes {@code socket} at {@code deadlineNanos} unless cancelled first. A {@code cancel(false)}
   * that returns true guarantees it never closes it.
   */
  static ScheduledFuture<?> closeAt(Closeable socket, long deadlineNanos) {
    return TIMER.schedule(() -> {
      try {
        socket.close();
      } catch (IOException e) {
        // It is dropped either way.
      }
    }, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }
}
