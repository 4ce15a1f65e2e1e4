package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the outbox holds in memory: the pending notifications in one FIFO lane per group (receiver
 * and group labels), of which only the head may be attempted, so that a resolve never overtakes its
 * firing; the groups with an attempt in flight; and the finished ids kept for a retention to drop
 * a re-enqueued notification. Not thread-safe: the outbox calls it under its lock.
 */
final class DeliveryQueue {
  private final Duration retention;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private final Map<String, ArrayDeque<Pending>> lanes = new HashMap<>();
  private final Set<String> busyGroups = new HashSet<>();
  // The heads of the lanes whose group is not busy, soonest first: what may be attempted next.
  // A head's nextAttempt only changes while its group is busy, i.e. while it is not in here.
  private final TreeSet<Pending> ready = new TreeSet<>(
      Comparator.comparing((Pending p) -> p.nextAttempt).thenComparing(p -> p.enqueuedAt).thenComparing(Pending::id));
  // In finishing order, so the oldest are pruned from the front.
  private final LinkedHashMap<String, LogRecord.Finished> finished = new LinkedHashMap<>();

  DeliveryQueue(Duration retention) {
    this.retention = retention;
  }

  /** Applies one record of the log, as {@link #accepts}, {@link #add} and {@link #finish} did when it was written. */
  void replay(LogRecord record) {
    if (record instanceof LogRecord.Enqueued enqueued) {
      if (accepts(enqueued.notification().id(), enqueued.at())) {
        add(enqueued.notification(), enqueued.at());
      }
    } else if (record instanceof LogRecord.Finished done) {
      Pending entry = pending.get(done.id());
      if (entry != null) {
        finish(entry, done.at(), done.delivered());
      } else {
        finished.remove(done.id());
        finished.put(done.id(), done);
      }
    }
  }

  /** Whether a notification with {@code id} would be taken at {@code now}: neither pending nor recently finished. */
  boolean accepts(String id, Instant now) {
    LogRecord.Finished done = finished.get(id);
    return !pending.containsKey(id) && (done == null || expired(done, now));
  }

  Pending add(Notification notification, Instant now) {
    finished.remove(notification.id());
    Pending entry = new Pending(notification, now);
    pending.put(entry.id(), entry);
    ArrayDeque<Pending> lane = lanes.computeIfAbsent(entry.groupKey(), key -> new ArrayDeque<>());
    lane.addLast(entry);
    if (lane.size() == 1 && !busyGroups.contains(entry.groupKey())) {
      ready.add(entry);
    }
    return entry;
  }

  /**
   * The lane head due soonest at {@code now} that is not in {@code skip}, marking its group busy
   * until {@link #release} or {@link #finish}; null when none is due.
   */
  @Nullable Pending takeDue(Instant now, Set<String> skip) {
    for (Pending head : ready) {
      if (head.nextAttempt.isAfter(now)) {
        return null;
      }
      if (!skip.contains(head.id())) {
        ready.remove(head);
        busyGroups.add(head.groupKey());
        return head;
      }
    }
    return null;
  }

  /** {@code entry} stays pending (to be retried at its next attempt); its group may go on. */
  void release(Pending entry) {
    busyGroups.remove(entry.groupKey());
    ready.add(entry);
  }

  /** {@code entry} was delivered or given up at {@code at}; the next of its group may go. */
  void finish(Pending entry, Instant at, boolean delivered) {
    pending.remove(entry.id());
    ready.remove(entry);
    busyGroups.remove(entry.groupKey());
    ArrayDeque<Pending> lane = lanes.get(entry.groupKey());
    if (lane != null) {
      lane.remove(entry);
      if (lane.isEmpty()) {
        lanes.remove(entry.groupKey());
      } else {
        ready.add(lane.peekFirst());
      }
    }
    finished.put(entry.id(), new LogRecord.Finished(entry.id(), at, delivered));
  }

  /** The earliest next attempt of a head whose group is not busy. */
  Optional<Instant> nextAttempt() {
    return ready.isEmpty() ? Optional.empty() : Optional.of(ready.first().nextAttempt);
  }

  /** Forgets finished ids older than the retention (from the oldest on). */
  void pruneFinished(Instant now) {
    Iterator<LogRecord.Finished> oldest = finished.values().iterator();
    while (oldest.hasNext()) {
      if (!expired(oldest.next(), now)) {
        return;
      }
      oldest.remove();
    }
  }

  List<PendingDelivery> pending() {
    return pending.values().stream().map(Pending::view).toList();
  }

  /** What a compacted log must hold: the finished ids still retained, then the pending in enqueue order. */
  List<LogRecord> liveRecords(Instant now) {
    pruneFinished(now);
    List<LogRecord> live = new ArrayList<>(finished.size() + pending.size());
    live.addAll(finished.values());
    for (Pending entry : pending.values()) {
      live.add(new LogRecord.Enqueued(entry.notification, entry.enqueuedAt));
    }
    return live;
  }

  private boolean expired(LogRecord.Finished done, Instant now) {
    return done.at().plus(retention).isBefore(now);
  }
}
