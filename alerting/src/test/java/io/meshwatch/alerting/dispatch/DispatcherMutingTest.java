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

import io.meshwatch.alerting.MutableClock;
import io.meshwatch.alerting.AlertLabels;
import io.meshwatch.alerting.MuteState;
import io.meshwatch.alerting.Muting;
import io.meshwatch.alerting.Notification;
import io.meshwatch.model.ProductId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Silences and inhibition as the dispatcher sees them: asked at flush time. */
class DispatcherMutingTest {
  private static final MuteState SILENCED = new MuteState(List.of("s1"), null);
  private static final ProductId UPSTREAM = ProductId.parse("sales.raw");
  private static final MuteState INHIBITED = new MuteState(List.of(), UPSTREAM);

  private final MutableClock clock = new MutableClock(T0);
  private final Fixture.Outbox outbox = new Fixture.Outbox();
  private MuteState mute = MuteState.NONE;
  private final Muting muting = (alert, now) -> mute;

  @Test
  void flushDue_silenceExpiryLetsANeverNotifiedAlertThroughAtTheNextFlush() {
    Instant silenceEnds = T0.plus(WAIT).plus(INTERVAL).plusSeconds(1);
    Dispatcher dispatcher = new Dispatcher(to(route("0", "sales", false)),
        (alert, now) -> now.isBefore(silenceEnds) ? SILENCED : MuteState.NONE, clock, outbox);
    dispatcher.accept(firing("a"));

    clock.advance(WAIT);
    assertThat(dispatcher.flushDue()).isZero();
    clock.advance(INTERVAL);
    assertThat(dispatcher.flushDue()).isZero();
    clock.advance(INTERVAL);

    assertThat(dispatcher.flushDue()).isEqualTo(1);
    assertThat(told(outbox.take().get(0))).containsExactly("a firing");
  }

  @Test
  void flushDue_notifiedAlertSilencedIsNotRepeatedButItsResolveIsSent() {
    Dispatcher dispatcher = toldFiring("sales");

    mute = SILENCED;
    clock.advance(REPEAT);
    assertThat(dispatcher.flushDue()).isZero();
    dispatcher.accept(resolved("a"));
    clock.advance(INTERVAL);

    assertThat(dispatcher.flushDue()).isEqualTo(1);
    assertThat(told(outbox.take().get(0))).containsExactly("a resolved");
  }

  @Test
  void flushDue_notifiedAlertWhoseSilenceExpiredFollowsTheRepeatRules() {
    Dispatcher dispatcher = toldFiring("sales");

    mute = SILENCED;
    clock.advance(INTERVAL);
    dispatcher.flushDue();
    mute = MuteState.NONE;
    clock.advance(INTERVAL);
    assertThat(dispatcher.flushDue()).as("told already, repeat not due").isZero();
    clock.advance(REPEAT.minus(INTERVAL).minus(INTERVAL));

    assertThat(dispatcher.flushDue()).isEqualTo(1);
    assertThat(told(outbox.take().get(0))).containsExactly("a firing");
  }

  @Test
  void flushDue_inhibitedAlertGoesOnlyToRoutesThatAskForNoticesMarkedWithItsUpstream() {
    mute = INHIBITED;
    Dispatcher dispatcher = new Dispatcher(to(route("0", "owner", false), route("1", "downstream", true)),
        muting, clock, outbox);
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);

    assertThat(dispatcher.flushDue()).isEqualTo(1);
    Notification notice = outbox.take().get(0);
    assertThat(notice.receiver()).isEqualTo("downstream");
    assertThat(notice.alerts().get(0).annotations())
        .containsEntry(AlertLabels.INHIBITED_BY, "sales.raw")
        .containsEntry("summary", "sales.orders burns");
  }

  @Test
  void flushDue_silencedAlertGoesNowhereEvenWhenAlsoInhibited() {
    mute = new MuteState(List.of("s1"), UPSTREAM);
    Dispatcher dispatcher = new Dispatcher(to(route("0", "owner", false), route("1", "downstream", true)),
        muting, clock, outbox);
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);

    assertThat(dispatcher.flushDue()).isZero();
  }

  @Test
  void flushDue_alertInhibitedAfterItsPageIsResolvedAtTheOwnerToo() {
    Dispatcher dispatcher = toldFiring("owner");

    mute = INHIBITED;
    dispatcher.accept(resolved("a"));
    clock.advance(INTERVAL);

    assertThat(dispatcher.flushDue()).isEqualTo(1);
    Notification resolve = outbox.take().get(0);
    assertThat(resolve.receiver()).isEqualTo("owner");
    assertThat(told(resolve)).containsExactly("a resolved");
  }

  /** A dispatcher whose one route to {@code receiver} has already told alert "a" as firing. */
  private Dispatcher toldFiring(String receiver) {
    Dispatcher dispatcher = new Dispatcher(to(route("0", receiver, false)), muting, clock, outbox);
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    outbox.take();
    return dispatcher;
  }
}
