package io.meshwatch.alerting.dispatch;

import static io.meshwatch.alerting.dispatch.Fixture.INTERVAL;
import static io.meshwatch.alerting.dispatch.Fixture.REPEAT;
import static io.meshwatch.alerting.dispatch.Fixture.T0;
import static io.meshwatch.alerting.dispatch.Fixture.WAIT;
import static io.meshwatch.alerting.dispatch.Fixture.firing;
import static io.meshwatch.alerting.dispatch.Fixture.resolved;
import static io.meshwatch.alerting.dispatch.Fixture.route;
import static io.meshwatch.alerting.dispatch.Fixture.to;
import static io.meshwatch.alerting.dispatch.Fixture.told;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.meshwatch.alerting.MutableClock;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Muting;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.routing.RoutedTo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private final MutableClock clock = new MutableClock(T0);
  private final Fixture.Outbox outbox = new Fixture.Outbox();
  private final Dispatcher dispatcher = new Dispatcher(to(route("0", "sales", false)), Muting.NONE, clock, outbox);

  @Test
  void flushDue_firstNotificationWaitsForGroupWait() {
    dispatcher.accept(firing("a"));

    assertThat(dispatcher.nextFlush()).contains(T0.plus(WAIT));
    clock.advance(WAIT.minusSeconds(1));
    assertThat(dispatcher.flushDue()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(dispatcher.flushDue()).isEqualTo(1);

    Notification n = outbox.take().get(0);
    assertThat(n.receiver()).isEqualTo("sales");
    assertThat(n.groupLabels()).containsExactly(entry("product", "sales.orders"));
    assertThat(n.purpose()).isEqualTo(Notification.Purpose.NOTIFY);
    assertThat(told(n)).containsExactly("a firing");
    assertThat(dispatcher.nextFlush()).contains(T0.plus(WAIT).plus(INTERVAL));
  }

  @Test
  void flushDue_alertsArrivingDuringGroupWaitGoInOneNotificationSortedByFingerprint() {
    dispatcher.accept(firing("c"));
    clock.advance(Duration.ofSeconds(10));
    dispatcher.accept(List.of(firing("a"), firing("b")));
    clock.advance(Duration.ofSeconds(20));

    assertThat(dispatcher.flushDue()).isEqualTo(1);
    assertThat(told(outbox.take().get(0))).containsExactly("a firing", "b firing", "c firing");
  }

  @Test
  void flushDue_laterAlertsWaitForTheGroupInterval() {
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    outbox.take();

    clock.advance(Duration.ofMinutes(1));
    dispatcher.accept(firing("b"));
    assertThat(dispatcher.flushDue()).isZero();
    clock.advance(INTERVAL.minusMinutes(1));
    assertThat(dispatcher.flushDue()).isEqualTo(1);

    assertThat(told(outbox.take().get(0))).containsExactly("a firing", "b firing");
  }

  @Test
  void flushDue_sendsNothingUnchangedUntilRepeatIntervalThenRepeats() {
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    outbox.take();

    for (Duration passed = INTERVAL; passed.compareTo(REPEAT) < 0; passed = passed.plus(INTERVAL)) {
      clock.advance(INTERVAL);
      dispatcher.accept(firing("a")); // re-evaluated, still firing
      assertThat(dispatcher.flushDue()).as("after %s", passed).isZero();
    }
    clock.advance(INTERVAL);

    assertThat(dispatcher.flushDue()).isEqualTo(1);
    assertThat(told(outbox.take().get(0))).containsExactly("a firing");
  }

  @Test
  void flushDue_resolveOfANotifiedAlertIsSentAndEmptiesTheGroup() {
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    outbox.take();

    dispatcher.accept(resolved("a"));
    clock.advance(INTERVAL);
    assertThat(dispatcher.flushDue()).isEqualTo(1);

    assertThat(told(outbox.take().get(0))).containsExactly("a resolved");
    assertThat(dispatcher.nextFlush()).isEmpty();
  }

  @Test
  void accept_resolvedAlertNeverNotifiedIsDroppedSilently() {
    dispatcher.accept(firing("a"));
    clock.advance(Duration.ofSeconds(10));
    dispatcher.accept(resolved("a"));
    dispatcher.accept(resolved("never-seen"));

    assertThat(dispatcher.nextFlush()).isEmpty();
    clock.advance(WAIT);
    assertThat(dispatcher.flushDue()).isZero();
    assertThat(outbox.sent).isEmpty();
  }

  @Test
  void flushDue_resolvedAlertOnlyGoesWithThoseOwedAResolve() {
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    outbox.take();

    dispatcher.accept(List.of(firing("b"), resolved("b"), resolved("a"), firing("c")));
    clock.advance(INTERVAL);
    dispatcher.flushDue();

    assertThat(told(outbox.take().get(0))).containsExactly("a resolved", "c firing");
  }

  @Test
  void accept_pendingAndInactiveAlertsAreIgnored() {
    dispatcher.accept(Fixture.alert("a", "sales.orders", AlertState.PENDING));
    dispatcher.accept(Fixture.alert("b", "sales.orders", AlertState.INACTIVE));

    assertThat(dispatcher.nextFlush()).isEmpty();
  }

  @Test
  void accept_groupsByTheRoutesGroupByLabels() {
    RoutedTo byProduct = route("0", "sales", false);
    RoutedTo each = new RoutedTo("1", "audit", List.of(RoutedTo.GROUP_BY_ALL), WAIT, INTERVAL, REPEAT, false);
    RoutedTo all = new RoutedTo("2", "ops", List.of(), WAIT, INTERVAL, REPEAT, false);
    Dispatcher d = new Dispatcher(to(byProduct, each, all), Muting.NONE, clock, outbox);

    d.accept(List.of(firing("a", "sales.orders"), firing("b", "sales.orders"), firing("c", "sales.returns")));
    clock.advance(WAIT);
    assertThat(d.flushDue()).isEqualTo(2 + 3 + 1);

    assertThat(outbox.sent).filteredOn(n -> n.receiver().equals("sales")).extracting(Fixture::told)
        .containsExactlyInAnyOrder(List.of("a firing", "b firing"), List.of("c firing"));
    assertThat(outbox.sent).filteredOn(n -> n.receiver().equals("audit")).hasSize(3)
        .allSatisfy(n -> assertThat(n.groupLabels()).containsKeys("alertname", "product", "slo", "severity"));
    assertThat(outbox.sent).filteredOn(n -> n.receiver().equals("ops")).singleElement()
        .satisfies(n -> assertThat(n.groupLabels()).isEmpty());
  }

  @Test
  void accept_twoRoutesToOneReceiverMakeTwoGroups() {
    Dispatcher d = new Dispatcher(to(route("0", "sales", false), route("0.1", "sales", false)), Muting.NONE, clock, outbox);

    d.accept(firing("a"));
    clock.advance(WAIT);

    assertThat(d.flushDue()).isEqualTo(2);
    assertThat(outbox.sent).extracting(Fixture::told).containsExactly(List.of("a firing"), List.of("a firing"));
    assertThat(outbox.sent.get(0).id()).isNotEqualTo(outbox.sent.get(1).id());
  }

  @Test
  void accept_alertRoutedElsewhereStaysWhereItOwesAResolve() {
    RoutedTo sales = route("0", "sales", false);
    RoutedTo ops = route("1", "ops", false);
    Dispatcher d = new Dispatcher(alert -> alert.labels().containsKey("team") ? List.of(ops) : List.of(sales),
        Muting.NONE, clock, outbox);
    d.accept(firing("a"));
    clock.advance(WAIT);
    d.flushDue();
    outbox.take();

    d.accept(Fixture.withLabel(firing("a"), "team", "ops"));
    clock.advance(WAIT);
    d.flushDue();
    assertThat(outbox.take()).extracting(Notification::receiver).containsExactly("ops");

    d.accept(resolved("a"));
    clock.advance(INTERVAL);
    d.flushDue();
    assertThat(outbox.take()).extracting(Notification::receiver).containsExactlyInAnyOrder("sales", "ops");
  }

  @Test
  void notificationIds_areDeterministicAndDifferPerNotification() {
    Fixture.Outbox other = new Fixture.Outbox();
    Dispatcher twin = new Dispatcher(to(route("0", "sales", false)), Muting.NONE, clock, other);
    for (Dispatcher d : List.of(dispatcher, twin)) {
      d.accept(firing("a"));
    }
    clock.advance(WAIT);
    dispatcher.flushDue();
    twin.flushDue();
    for (Dispatcher d : List.of(dispatcher, twin)) {
      d.accept(resolved("a"));
    }
    clock.advance(INTERVAL);
    dispatcher.flushDue();
    twin.flushDue();

    List<String> ids = outbox.sent.stream().map(Notification::id).toList();
    assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{16}"));
    assertThat(other.sent).extracting(Notification::id).isEqualTo(ids);
    assertThat(ids.get(0)).isEqualTo(new NotificationIds().of("0\nsales:{product=\"sales.orders\"}", 1));
  }

  @Test
  void notificationIds_groupFormedAgainContinuesItsSequence() {
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    dispatcher.accept(resolved("a"));
    clock.advance(INTERVAL);
    dispatcher.flushDue();
    assertThat(dispatcher.nextFlush()).isEmpty();

    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();

    assertThat(outbox.sent).hasSize(3).extracting(Notification::id).doesNotHaveDuplicates();
  }

  @Test
  void flushDue_outboxFailureLeavesTheNotificationOwedWithTheSameId() {
    List<Notification> taken = new ArrayList<>();
    boolean[] failNext = {true};
    Dispatcher d = new Dispatcher(to(route("0", "sales", false)), Muting.NONE, clock, n -> {
      taken.add(n);
      if (failNext[0]) {
        failNext[0] = false;
        throw new IllegalStateException("disk full");
      }
    });
    d.accept(firing("a"));
    clock.advance(WAIT);

    assertThatThrownBy(d::flushDue).hasMessage("disk full");
    assertThat(d.nextFlush()).contains(clock.instant());
    assertThat(d.flushDue()).isEqualTo(1);

    assertThat(taken).hasSize(2);
    assertThat(taken.get(1)).isEqualTo(taken.get(0));
    clock.advance(INTERVAL);
    assertThat(d.flushDue()).as("told now").isZero();
  }
}
