package io.meshwatch.bench.alerting;

import io.meshwatch.alerting.dispatch.Dispatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Calls {@link Dispatcher#flushDue()} when the dispatcher's next group is due, on one timer thread:
 * one timer for the earliest due group, moved earlier when an accepted alert opens an earlier one, so
 * nothing polls. The dispatcher is thread-safe; this only guards its own timer, never holding that
 * guard while the dispatcher works, so ingest is never blocked by it.
 */
final class FlushScheduler {
  private final Dispatcher dispatcher;
  private final ScheduledExecutorService timer;
  private final InstantSource clock;
  private final AtomicLong notifications = new AtomicLong();
  private @Nullable Instant scheduledAt;
  private @Nullable ScheduledFuture<?> pending;

  FlushScheduler(Dispatcher dispatcher, ScheduledExecutorService timer, InstantSource clock) {
    this.dispatcher = dispatcher;
    this.timer = timer;
    this.clock = clock;
  }

  /**
   * Schedules the next flush if it is earlier than the one scheduled: after alerts were accepted, and
   * after each flush. A flush that finds nothing due (its group was flushed meanwhile) only reschedules.
   */
  void reschedule() {
    Optional<Instant> next = dispatcher.nextFlush();
    if (next.isEmpty()) {
      return;
    }
    synchronized (this) {
      if (scheduledAt != null && !next.get().isBefore(scheduledAt)) {
        return;
      }
      if (pending != null) {
        pending.cancel(false);
      }
      scheduledAt = next.get();
      long delay = Math.max(0, Duration.between(clock.instant(), scheduledAt).toNanos());
      pending = timer.schedule(this::flush, delay, TimeUnit.NANOSECONDS);
    }
  }

  private void flush() {
    synchronized (this) {
      scheduledAt = null;
      pending = null;
    }
    try {
      notifications.addAndGet(dispatcher.flushDue());
    } catch (RuntimeException e) {
      // A failed flush must not stop the timer: the next one retries what is still due.
      System.err.println("flush failed: " + e);
    }
    reschedule();
  }

  /** Notifications the dispatcher handed to the outbox so far. */
  long notifications() {
    return notifications.get();
  }
}
