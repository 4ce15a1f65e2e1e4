package io.meshwatch.alerting.dispatch;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Muting;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.routing.RoutedTo;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Groups routed alerts and decides when each group notifies, with Alertmanager's group_wait,
 * group_interval and repeat_interval; silenced and inhibited alerts are held back at flush time, and
 * whatever a group told as firing it tells as resolved. Thread-safe (one lock); it has no threads of
 * its own: a scheduler calls {@link #flushDue()} at {@link #nextFlush()}.
 *
 * <p>The router must depend only on an alert's product and labels: a firing alert accepted again
 * with the same product and labels is not routed again. The outbox is called under the lock, so it
 * must be quick and must not call back into the dispatcher; when it throws, nothing of that
 * notification counts as told and the group is considered again at the next flush.
 *
 * <pre>{@code
 * Dispatcher dispatcher = new Dispatcher(router, muting, Clock.systemUTC(), outbox::add);
 * dispatcher.accept(transition.alert());
 * dispatcher.flushDue(); // at dispatcher.nextFlush()
 * }</pre>
 */
public final class Dispatcher {

  private final Function<Alert, List<RoutedTo>> router;
  private final Muting muting;
  private final InstantSource clock;
  private final Consumer<Notification> outbox;
  private final ReentrantLock lock = new ReentrantLock();
  private final NotificationIds ids = new NotificationIds();
  final Map<String, TrackedAlert> alerts = new HashMap<>();
  final Map<GroupId, Group> groups = new HashMap<>();
  // Sequence numbers of groups that emptied: a group formed again continues them, so ids never repeat.
  final Map<GroupId, Long> retiredSequences = new HashMap<>();
  private final TreeSet<Group> schedule = new TreeSet<>(Group.BY_DEADLINE);
  private long serials;

  public Dispatcher(Function<Alert, List<RoutedTo>> router, Muting muting, InstantSource clock,
      Consumer<Notification> outbox) {
    this.router = router;
    this.muting = muting;
    this.clock = clock;
    this.outbox = outbox;
  }

  /** Takes an alert as it now stands. Pending and inactive alerts are ignored. */
  public void accept(Alert alert) {
    lock.lock();
    try {
      acceptLocked(alert, clock.instant());
    } finally {
      lock.unlock();
    }
  }

  /** Takes several alerts under one lock. */
  public void accept(Collection<Alert> batch) {
    lock.lock();
    try {
      Instant now = clock.instant();
      for (Alert alert : batch) {
        acceptLocked(alert, now);
      }
    } finally {
      lock.unlock();
    }
  }

  private void acceptLocked(Alert alert, Instant now) {
    if (alert.state() == AlertState.FIRING) {
      fire(alert, now);
    } else if (alert.state() == AlertState.RESOLVED) {
      resolve(alert);
    }
  }

  private void fire(Alert alert, Instant now) {
    TrackedAlert tracked = alerts.get(alert.fingerprint());
    if (tracked != null && tracked.alert.state() == AlertState.FIRING && sameRouting(tracked.alert, alert)) {
      tracked.alert = alert; // already in every group it routes to
      return;
    }
    List<RoutedTo> routes = router.apply(alert);
    if (tracked == null) {
      tracked = new TrackedAlert(alert);
      alerts.put(alert.fingerprint(), tracked);
    } else {
      tracked.alert = alert;
    }
    List<Group> routed = new ArrayList<>(routes.size());
    for (RoutedTo route : routes) {
      GroupId id = GroupId.of(route, alert.labels());
      Group group = groups.get(id);
      if (group == null) {
        Long sequence = retiredSequences.remove(id);
        group = new Group(id, route, serials++, sequence == null ? 0 : sequence, now.plus(route.groupWait()));
        groups.put(id, group);
        schedule.add(group);
      } else {
        group.route = route; // timings follow a reloaded route tree
      }
      if (group.join(tracked)) {
        tracked.groups.add(group);
      }
      routed.add(group);
    }
    // Groups it is no longer routed to keep it only while they owe it a resolve.
    for (Group group : List.copyOf(tracked.groups)) {
      if (!routed.contains(group) && !group.owesResolve(alert.fingerprint())) {
        leave(group, tracked);
      }
    }
    forgetIfGone(tracked);
  }

  private static boolean sameRouting(Alert known, Alert alert) {
    return known.labels().equals(alert.labels()) && known.product().equals(alert.product());
  }

  private void resolve(Alert alert) {
    TrackedAlert tracked = alerts.get(alert.fingerprint());
    if (tracked == null) {
      return; // never told anywhere: nothing to resolve
    }
    tracked.alert = alert;
    tracked.ack = null;
    for (Group group : List.copyOf(tracked.groups)) {
      if (!group.owesResolve(alert.fingerprint())) {
        leave(group, tracked);
      }
    }
    forgetIfGone(tracked);
  }

  private void leave(Group group, TrackedAlert tracked) {
    group.members.remove(tracked.fingerprint());
    tracked.groups.remove(group);
    if (group.members.isEmpty()) {
      retire(group);
    }
  }

  private void retire(Group group) {
    if (groups.get(group.id) == group) {
      groups.remove(group.id);
      schedule.remove(group);
      retiredSequences.put(group.id, group.sequence);
    }
  }

  private void forgetIfGone(TrackedAlert tracked) {
    if (tracked.groups.isEmpty()) {
      alerts.remove(tracked.fingerprint());
    }
  }

  /** Flushes every group whose time has come; returns how many notifications went to the outbox. */
  public int flushDue() {
    lock.lock();
    try {
      Instant now = clock.instant();
      int sent = 0;
      while (!schedule.isEmpty() && !schedule.first().nextFlush.isAfter(now)) {
        Group group = schedule.pollFirst();
        boolean flushed = false;
        try {
          sent += flush(group, now);
          flushed = true;
        } finally {
          if (group.members.isEmpty()) {
            retire(group);
          } else {
            if (flushed) {
              Instant next = group.nextFlush.plus(group.route.groupInterval());
              // A scheduler that fell behind gets the group's cadence back from now, not a burst.
              group.nextFlush = next.isAfter(now) ? next : now.plus(group.route.groupInterval());
            }
            schedule.add(group);
          }
        }
      }
      return sent;
    } finally {
      lock.unlock();
    }
  }

  private int flush(Group group, Instant now) {
    Group.Plan plan = group.plan(now, muting);
    if (plan == null) {
      return 0;
    }
    emit(group, plan.tell(), Notification.Purpose.NOTIFY);
    group.lastNotified = now;
    List<Alert> acknowledged = new ArrayList<>();
    for (Group.Member member : plan.firstTold()) {
      member.notifiedFiring = true;
      if (member.tracked.ack != null) {
        acknowledged.add(member.tracked.alert);
      }
    }
    for (Group.Member member : plan.resolved()) {
      group.members.remove(member.tracked.fingerprint());
      member.tracked.groups.remove(group);
      forgetIfGone(member.tracked);
    }
    // Acknowledged before this group first told it: the receiver learns both at once.
    if (!acknowledged.isEmpty()) {
      acknowledged.sort(Comparator.comparing(Alert::fingerprint));
      emit(group, acknowledged, Notification.Purpose.ACKNOWLEDGE);
      return 2;
    }
    return 1;
  }

  private void emit(Group group, List<Alert> alerts, Notification.Purpose purpose) {
    long sequence = group.sequence + 1;
    outbox.accept(new Notification(ids.of(group.identity, sequence), group.id.receiver(), group.id.labels(),
        alerts, purpose));
    group.sequence = sequence;
  }

  /** The earliest time a group is due, for a scheduler; empty when there are no groups. */
  public Optional<Instant> nextFlush() {
    lock.lock();
    try {
      return schedule.isEmpty() ? Optional.empty() : Optional.of(schedule.first().nextFlush);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Acknowledges a firing alert: no more repeats of it until it resolves. Every group that told it as
   * firing gets an {@link Notification.Purpose#ACKNOWLEDGE} notification of it at once. Acknowledging
   * again returns the first acknowledgement and emits nothing.
   *
   * @return the acknowledgement, or empty when no firing alert has that fingerprint
   */
  public Optional<Acknowledgement> acknowledge(String fingerprint, String by, @Nullable String comment) {
    lock.lock();
    try {
      TrackedAlert tracked = alerts.get(fingerprint);
      if (tracked == null || tracked.alert.state() != AlertState.FIRING) {
        return Optional.empty();
      }
      if (tracked.ack != null) {
        return Optional.of(tracked.ack);
      }
      Acknowledgement ack = new Acknowledgement(fingerprint, by, comment, clock.instant());
      for (Group group : tracked.groups) {
        if (group.owesResolve(fingerprint)) {
          emit(group, List.of(tracked.alert), Notification.Purpose.ACKNOWLEDGE);
        }
      }
      tracked.ack = ack;
      return Optional.of(ack);
    } finally {
      lock.unlock();
    }
  }

  /** The acknowledgement of a firing alert, if any. */
  public Optional<Acknowledgement> acknowledgement(String fingerprint) {
    lock.lock();
    try {
      TrackedAlert tracked = alerts.get(fingerprint);
      return tracked == null ? Optional.empty() : Optional.ofNullable(tracked.ack);
    } finally {
      lock.unlock();
    }
  }

  /** Writes groups, their alerts, what they told, their times and sequence numbers, and acknowledgements. */
  public void writeState(DataOutput out) throws IOException {
    lock.lock();
    try {
      DispatcherState.write(out, this);
    } finally {
      lock.unlock();
    }
  }

  /**
   * A dispatcher in the state {@link #writeState} wrote: accepting the same alerts again makes no
   * notification that was already made, and the notifications still due get the ids they would have had.
   *
   * @throws IOException when the state is unreadable or inconsistent
   */
  public static Dispatcher readState(DataInput in, Function<Alert, List<RoutedTo>> router, Muting muting,
      InstantSource clock, Consumer<Notification> outbox) throws IOException {
    Dispatcher dispatcher = new Dispatcher(router, muting, clock, outbox);
    DispatcherState.read(in, dispatcher);
    return dispatcher;
  }

  /** Every group, in the order they flush (so a restart keeps the order of groups due at once). */
  Collection<Group> groupsInFlushOrder() {
    return schedule;
  }

  /** Adds a group read from stored state. */
  void restore(Group group) {
    groups.put(group.id, group);
    schedule.add(group);
  }

  long nextSerial() {
    return serials++;
  }
}
