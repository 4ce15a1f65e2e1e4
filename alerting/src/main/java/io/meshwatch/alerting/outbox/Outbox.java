package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import io.meshwatch.durable.Damage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Delivers notifications durably: each is written to a log in {@code dir} before {@link #enqueue}
 * returns, then sent by the outbox's delivery threads ({@link #start}) or by {@link #deliverDue},
 * retried with exponential backoff and full jitter until its receiver accepts it, rejects it for
 * good, or it is older than {@link OutboxOptions#maxAge()}. Notifications of one group (receiver and
 * group labels) go out in the order they were enqueued; different groups go in parallel. After a
 * crash, {@link #open} delivers what was pending; a notification in flight at the crash is sent again
 * (receivers dedup it by its id), nothing else is.
 *
 * <pre>{@code
 * try (Outbox outbox = Outbox.open(dataDir.resolve("outbox"), OutboxOptions.defaults(),
 *     receivers::notifier, InstantSource.system(), metrics)) {
 *   outbox.start();
 *   outbox.enqueue(notification);
 * }
 * }</pre>
 */
public final class Outbox implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
  // How long close() lets an attempt in flight finish before interrupting it.
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

  private final OutboxOptions options;
  private final Function<String, Optional<Notifier>> notifiers;
  private final InstantSource clock;
  private final DeliveryListener listener;
  private final OutboxLog log;
  private final DeliveryQueue queue;
  private final Backoff backoff;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Thread> workers = new ArrayList<>();
  private boolean closed;

  private Outbox(OutboxOptions options, Function<String, Optional<Notifier>> notifiers, InstantSource clock,
      DeliveryListener listener, OutboxLog log, DeliveryQueue queue) {
    this.options = options;
    this.notifiers = notifiers;
    this.clock = clock;
    this.listener = listener;
    this.log = log;
    this.queue = queue;
    this.backoff = new Backoff(options.initialBackoff(), options.maxBackoff());
  }

  /**
   * Opens the outbox kept in {@code dir} (created when missing), replaying its log: what was enqueued
   * and neither delivered nor given up is pending again, due at once.
   *
   * @param notifiers the notifier of a receiver name; an unknown name fails the notification for good
   * @throws IOException when the log cannot be read or written at all (damage is skipped and counted
   *     in {@link #damage()}, never thrown)
   */
  public static Outbox open(Path dir, OutboxOptions options, Function<String, Optional<Notifier>> notifiers,
      InstantSource clock, DeliveryListener listener) throws IOException {
    Files.createDirectories(dir);
    DeliveryQueue queue = new DeliveryQueue(options.deliveredRetention());
    OutboxLog log = OutboxLog.open(dir, options.fsync(), options.compactionBytes(), queue::replay,
        () -> queue.liveRecords(clock.instant()));
    queue.pruneFinished(clock.instant());
    return new Outbox(options, notifiers, clock, listener, log, queue);
  }

  /**
   * Takes {@code notification} for delivery, written to the log (and forced, per the options) before
   * this returns. Returns false, dropping it, when a notification with its id is pending or finished
   * within the retention.
   *
   * @throws IOException when the log cannot be written; the notification is then not taken
   */
  public boolean enqueue(Notification notification) throws IOException {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("outbox is closed");
      }
      Instant now = clock.instant();
      queue.pruneFinished(now);
      if (!queue.accepts(notification.id(), now)) {
        return false;
      }
      log.append(new LogRecord.Enqueued(notification, now));
      queue.add(notification, now);
      compactIfDue(now);
      changed.signal(); // one more may be due: one worker to take it
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Attempts, on the calling thread, every notification whose next attempt is due by the clock (each
   * at most once; the next of a group once the one before it is delivered). Returns the number of
   * attempts made.
   */
  public int deliverDue() {
    Set<String> attempted = new HashSet<>();
    int attempts = 0;
    while (attemptOne(attempted)) {
      attempts++;
    }
    return attempts;
  }

  /** When the next attempt is due; empty when nothing is pending (or all pending groups are in flight). */
  public Optional<Instant> nextAttempt() {
    lock.lock();
    try {
      return queue.nextAttempt();
    } finally {
      lock.unlock();
    }
  }

  /** The notifications not yet delivered nor given up, in enqueue order. */
  public List<PendingDelivery> pending() {
    lock.lock();
    try {
      return queue.pending();
    } finally {
      lock.unlock();
    }
  }

  /** The damage found in the outbox's files when it opened: skipped and counted, never thrown. */
  public Damage damage() {
    return log.damage();
  }

  /** Starts {@link OutboxOptions#threads()} delivery threads, which wait for the next attempt or an enqueue. */
  public void start() {
    lock.lock();
    try {
      if (closed || !workers.isEmpty()) {
        throw new IllegalStateException(closed ? "outbox is closed" : "outbox already started");
      }
      for (int i = 0; i < options.threads(); i++) {
        Thread worker = new Thread(this::work, "meshwatch-outbox-" + i);
        worker.setDaemon(true);
        workers.add(worker);
      }
      workers.forEach(Thread::start);
    } finally {
      lock.unlock();
    }
  }

  /** Stops the delivery threads (an attempt in flight may finish first) and closes the log. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
    for (Thread worker : workers) {
      try {
        TimeUnit.NANOSECONDS.timedJoin(worker, Math.max(1, deadline - System.nanoTime()));
        if (worker.isAlive()) {
          worker.interrupt();
          worker.join(CLOSE_GRACE.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    lock.lock();
    try {
      log.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the outbox log failed", e);
    } finally {
      lock.unlock();
    }
  }

  private void work() {
    while (awaitDue()) {
      attemptOne(null);
    }
  }

  /** Waits until an attempt is due; false once the outbox closes. */
  private boolean awaitDue() {
    lock.lock();
    try {
      while (!closed) {
        Optional<Instant> next = queue.nextAttempt();
        if (next.isEmpty()) {
          changed.await();
          continue;
        }
        long nanos = Duration.between(clock.instant(), next.get()).toNanos();
        if (nanos <= 0) {
          return true;
        }
        changed.awaitNanos(nanos);
      }
      return false;
    } catch (InterruptedException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes one attempt if one is due and not yet in {@code attempted} (which it then joins); false when
   * none was. A pass of {@link #deliverDue} tracks its attempts so an entry drawing a zero backoff is
   * not tried again and again.
   */
  private boolean attemptOne(@Nullable Set<String> attempted) {
    Pending entry;
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      entry = queue.takeDue(clock.instant(), attempted == null ? Set.of() : attempted);
      if (entry == null) {
        return false;
      }
      if (attempted != null) {
        attempted.add(entry.id());
      }
    } finally {
      lock.unlock();
    }
    DeliveryResult result = send(entry);
    Outcome outcome = record(entry, result);
    try {
      if (outcome == Outcome.DELIVERED) {
        listener.delivered(entry.notification, Duration.between(entry.enqueuedAt, clock.instant()));
      } else {
        listener.failed(entry.notification, result, outcome == Outcome.RETRY);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "delivery listener failed", e);
    }
    return true;
  }

  private enum Outcome { DELIVERED, RETRY, GAVE_UP }

  private DeliveryResult send(Pending entry) {
    Notification notification = entry.notification;
    if (clock.instant().isAfter(deadline(entry))) {
      return DeliveryResult.failed("older than the outbox's max age " + options.maxAge(), false);
    }
    Optional<Notifier> notifier = notifiers.apply(notification.receiver());
    if (notifier.isEmpty()) {
      return DeliveryResult.failed("no receiver named '" + notification.receiver() + "'", false);
    }
    try {
      return notifier.get().send(notification);
    } catch (RuntimeException e) {
      // Notifiers promise not to throw; one that does must not kill a delivery thread.
      return DeliveryResult.failed("notifier for '" + notification.receiver() + "' threw " + e, true);
    }
  }

  private Outcome record(Pending entry, DeliveryResult result) {
    lock.lock();
    try {
      Instant now = clock.instant();
      entry.attempts++;
      if (!result.delivered()) {
        entry.lastError = result.error();
        if (result.retryable() && now.isBefore(deadline(entry))) {
          Instant retryAt = now.plus(backoff.delay(entry.attempts, options.random()));
          // A last attempt right at the max age rather than giving up before it.
          entry.nextAttempt = retryAt.isAfter(deadline(entry)) ? deadline(entry) : retryAt;
          queue.release(entry);
          changed.signalAll();
          return Outcome.RETRY;
        }
      }
      queue.finish(entry, now, result.delivered());
      try {
        log.append(new LogRecord.Finished(entry.id(), now, result.delivered()));
        compactIfDue(now);
      } catch (IOException e) {
        // The notification is done either way; after a restart it would be sent once more.
        LOG.log(System.Logger.Level.ERROR, "cannot log the end of notification " + entry.id(), e);
      }
      changed.signal(); // the next of its group may be due now
      return result.delivered() ? Outcome.DELIVERED : Outcome.GAVE_UP;
    } finally {
      lock.unlock();
    }
  }

  private Instant deadline(Pending entry) {
    return entry.enqueuedAt.plus(options.maxAge());
  }

  /** Compacts now, whatever the log's size; for tests. */
  void compactNow() throws IOException {
    lock.lock();
    try {
      log.compact(queue.liveRecords(clock.instant()));
    } finally {
      lock.unlock();
    }
  }

  private void compactIfDue(Instant now) throws IOException {
    if (log.compactionDue()) {
      long appended = log.size();
      List<LogRecord> live = queue.liveRecords(now);
      log.compact(live);
      LOG.log(System.Logger.Level.DEBUG, "outbox log compacted after {0} bytes appended: {1} live records", appended,
          live.size());
    }
  }
}
