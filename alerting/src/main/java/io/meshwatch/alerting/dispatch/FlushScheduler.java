package io.meshwatch.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Flushes groups when they are due, not on a polling tick: one timer, on a thread of its own, for the
 * earliest deadline, moved earlier when a change opens an earlier one, so a notification leaves as
 * soon as its group_wait is over. A run that finds nothing due (its group was flushed meanwhile)
 * only schedules the next.
 *
 * <pre>{@code
 * FlushScheduler timer = new FlushScheduler(dispatcher::flushDue, dispatcher::nextFlush, clock);
 * timer.start();
 * dispatcher.accept(alerts);
 * timer.changed();
 * }</pre>
 */
public final class FlushScheduler implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FlushScheduler.class.getName());

  private final IntSupplier flush;
  private final Supplier<Optional<Instant>> nextFlush;
  private final InstantSource clock;
  private @Nullable ScheduledExecutorService executor;
  private @Nullable ScheduledFuture<?> scheduled;
  private @Nullable Instant scheduledFor;

  /**
   * @param flush flushes what is due (e.g. {@link Dispatcher#flushDue()})
   * @param nextFlush the earliest deadline (e.g. {@link Dispatcher#nextFlush()})
   */
  public FlushScheduler(IntSupplier flush, Supplier<Optional<Instant>> nextFlush, InstantSource clock) {
    this.flush = flush;
    this.nextFlush = nextFlush;
    this.clock = clock;
  }

  /** Starts the timer thread and schedules the first run. */
  public void start() {
    synchronized (this) {
      if (executor != null) {
        return;
      }
      executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meshwatch-alert-flush");
        thread.setDaemon(true);
        return thread;
      });
    }
    changed();
  }

  /** Something changed that may have opened an earlier deadline: schedules the run earlier if so. */
  public void changed() {
    // Asked before taking this lock: the deadline's owner may be calling in while holding its own.
    Optional<Instant> next = nextFlush.get();
    schedule(next);
  }

  private synchronized void schedule(Optional<Instant> next) {
    if (executor == null) {
      return;
    }
    if (next.isEmpty() || (scheduledFor != null && !next.get().isBefore(scheduledFor))) {
      return;
    }
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    long delayNanos = Math.max(0, Duration.between(clock.instant(), next.get()).toNanos());
    scheduledFor = next.get();
    scheduled = executor.schedule(this::run, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void run() {
    synchronized (this) {
      scheduledFor = null;
      scheduled = null;
    }
    try {
      flush.getAsInt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "flushing alert groups failed; trying again at the next deadline", e);
    }
    changed();
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
