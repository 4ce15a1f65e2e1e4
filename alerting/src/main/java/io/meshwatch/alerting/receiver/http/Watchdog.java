package io.meshwatch.alerting.receiver.http;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes a socket at a deadline, for the steps a socket timeout does not bound: a write (which has no
 * timeout) and a TLS handshake (whose every read would get the whole timeout anew). Closing the
 * socket fails the blocked call at once.
 *
 * <p>Whether it fired is decided before the socket is closed, so the call the close fails always sees
 * {@link #fired()}; a future's {@code isDone()} turns true only after the close returned, which the
 * failed call could beat.
 */
final class Watchdog {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "meshwatch-http-deadline");
    thread.setDaemon(true);
    return thread;
  });
  private static final int ARMED = 0;
  private static final int FIRED = 1;
  private static final int DISARMED = 2;

  private final AtomicInteger state = new AtomicInteger(ARMED);
  private final ScheduledFuture<?> timer;

  private Watchdog(Closeable socket, long deadlineNanos) {
    this.timer = TIMER.schedule(() -> {
      if (state.compareAndSet(ARMED, FIRED)) {
        try {
          socket.close();
        } catch (IOException e) {
          // It is dropped either way.
        }
      }
    }, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /** Closes {@code socket} at {@code deadlineNanos} unless {@link #disarm() disarmed} first. */
  static Watchdog closeAt(Closeable socket, long deadlineNanos) {
    return new Watchdog(socket, deadlineNanos);
  }

  /** Stops the watchdog; true guarantees it never closes the socket, false means it did or is doing so. */
  boolean disarm() {
    boolean disarmed = state.compareAndSet(ARMED, DISARMED);
    timer.cancel(false);
    return disarmed || state.get() == DISARMED;
  }

  /** Whether the deadline passed and the socket was (or is being) closed for it. */
  boolean fired() {
    return state.get() == FIRED;
  }
}
