package io.meshwatch.alerting.dispatch;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertLabels;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.MuteState;
import io.meshwatch.alerting.Muting;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.model.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One aggregation group: its alerts, which of them it has told as firing (and so owes a resolve),
 * when it last notified and when it is to be considered next. Decides what a flush tells; the
 * dispatcher commits that only once the outbox has taken the notification.
 */
final class Group {
  /** Deadline order for the dispatcher's schedule; the serial keeps groups with one deadline apart. */
  static final Comparator<Group> BY_DEADLINE =
      Comparator.comparing((Group group) -> group.nextFlush).thenComparingLong(group -> group.serial);
  private static final Comparator<Alert> BY_FINGERPRINT = Comparator.comparing(Alert::fingerprint);

  final GroupId id;
  final String identity;
  final long serial;
  RoutedTo route;
  final Map<String, Member> members = new HashMap<>();
  long sequence;
  @Nullable Instant lastNotified;
  Instant nextFlush;

  Group(GroupId id, RoutedTo route, long serial, long sequence, Instant nextFlush) {
    this.id = id;
    this.identity = id.identity();
    this.route = route;
    this.serial = serial;
    this.sequence = sequence;
    this.nextFlush = nextFlush;
  }

  /** An alert in this group, and whether this group has told it as firing. */
  static final class Member {
    final TrackedAlert tracked;
    boolean notifiedFiring;

    Member(TrackedAlert tracked, boolean notifiedFiring) {
      this.tracked = tracked;
      this.notifiedFiring = notifiedFiring;
    }
  }

  /** Adds the alert unless it is here already; says whether it was added. */
  boolean join(TrackedAlert tracked) {
    if (members.containsKey(tracked.fingerprint())) {
      return false;
    }
    members.put(tracked.fingerprint(), new Member(tracked, false));
    return true;
  }

  boolean owesResolve(String fingerprint) {
    Member member = members.get(fingerprint);
    return member != null && member.notifiedFiring;
  }

  /**
   * What this group tells at {@code now}, or null when it keeps quiet: it tells when an alert it may
   * tell fires untold, when an alert it told resolved, or when repeat_interval passed and firing
   * alerts remain to tell.
   */
  @Nullable Plan plan(Instant now, Muting muting) {
    List<Alert> tell = new ArrayList<>(members.size());
    List<Member> firstTold = new ArrayList<>();
    List<Member> resolved = new ArrayList<>();
    boolean firing = false;
    for (Member member : members.values()) {
      Alert alert = member.tracked.alert;
      if (alert.state() == AlertState.RESOLVED) {
        if (member.notifiedFiring) {
          tell.add(alert);
          resolved.add(member);
        }
        continue;
      }
      MuteState mute = muting.of(alert, now);
      if (mute.muted()) {
        // An inhibited (not silenced) alert still goes, as a notice, to routes that ask for it.
        if (!route.notifyInhibited() || mute.silenced()) {
          continue;
        }
        alert = notice(alert, mute.inhibitedBy());
      }
      if (!member.notifiedFiring) {
        firstTold.add(member);
      } else if (member.tracked.ack != null) {
        continue; // acknowledged: no more repeats
      }
      tell.add(alert);
      firing = true;
    }
    boolean repeatDue = lastNotified != null && !now.isBefore(lastNotified.plus(route.repeatInterval()));
    if (firstTold.isEmpty() && resolved.isEmpty() && !(repeatDue && firing)) {
      return null;
    }
    tell.sort(BY_FINGERPRINT);
    return new Plan(tell, firstTold, resolved);
  }

  /** What one flush tells, and the members whose standing changes once it is handed over. */
  record Plan(List<Alert> tell, List<Member> firstTold, List<Member> resolved) {}

  private static Alert notice(Alert alert, @Nullable ProductId upstream) {
    Map<String, String> annotations = new TreeMap<>(alert.annotations());
    annotations.put(AlertLabels.INHIBITED_BY, String.valueOf(upstream));
    return new Alert(alert.fingerprint(), alert.product(), alert.slo(), alert.condition(), alert.state(),
        alert.labels(), annotations, alert.activeAt(), alert.startsAt(), alert.endsAt());
  }
}
