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
import static org.assertj.core.api.Assertions.tuple;

import io.meshwatch.alerting.MutableClock;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.Muting;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notification.Purpose;
import io.meshwatch.alerting.routing.RoutedTo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Acknowledgements: they stop repeats until the alert resolves, and told groups learn of them. */
class DispatcherAcknowledgeTest {
  private static final Duration LATE_WAIT = Duration.ofMinutes(10);

  private final MutableClock clock = new MutableClock(T0);
  private final Fixture.Outbox outbox = new Fixture.Outbox();
  // The second route waits longer, so at first only the first one has told the alert.
  private final RoutedTo late = new RoutedTo("1", "tickets", List.of("product"), LATE_WAIT, INTERVAL, REPEAT, false);
  private final Dispatcher dispatcher = new Dispatcher(to(route("0", "pager", false), late), Muting.NONE, clock, outbox);

  @Test
  void acknowledge_emitsAcknowledgeAtOnceToTheGroupsThatToldTheAlert() {
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    outbox.take();
    clock.advance(Duration.ofMinutes(1));

    Acknowledgement ack = dispatcher.acknowledge("a", "alice", "looking").orElseThrow();

    assertThat(ack).isEqualTo(new Acknowledgement("a", "alice", "looking", clock.instant()));
    assertThat(dispatcher.acknowledgement("a")).contains(ack);
    Notification sent = outbox.take().get(0);
    assertThat(sent.purpose()).isEqualTo(Purpose.ACKNOWLEDGE);
    assertThat(sent.receiver()).isEqualTo("pager");
    assertThat(told(sent)).containsExactly("a firing");
  }

  @Test
  void flushDue_groupFirstTellingAnAcknowledgedAlertAlsoTellsTheAcknowledgement() {
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    dispatcher.acknowledge("a", "alice", null);
    outbox.take();
    clock.set(T0.plus(LATE_WAIT));

    assertThat(dispatcher.flushDue()).isEqualTo(2);

    assertThat(outbox.take()).extracting(Notification::receiver, Notification::purpose)
        .containsExactly(tuple("tickets", Purpose.NOTIFY),
            tuple("tickets", Purpose.ACKNOWLEDGE));
  }

  @Test
  void flushDue_acknowledgedAlertIsNotRepeatedWhileOthersAre() {
    Dispatcher single = new Dispatcher(to(route("0", "pager", false)), Muting.NONE, clock, outbox);
    single.accept(List.of(firing("a"), firing("b")));
    clock.advance(WAIT);
    single.flushDue();
    single.acknowledge("a", "alice", null);
    outbox.take();

    clock.advance(REPEAT);
    assertThat(single.flushDue()).isEqualTo(1);
    assertThat(told(outbox.take().get(0))).containsExactly("b firing");

    single.acknowledge("b", "bob", null);
    outbox.take();
    clock.advance(REPEAT);
    assertThat(single.flushDue()).isZero();
  }

  @Test
  void accept_resolveClearsTheAcknowledgementAndIsStillNotified() {
    Dispatcher single = new Dispatcher(to(route("0", "pager", false)), Muting.NONE, clock, outbox);
    single.accept(firing("a"));
    clock.advance(WAIT);
    single.flushDue();
    single.acknowledge("a", "alice", null);
    outbox.take();

    single.accept(resolved("a"));
    assertThat(single.acknowledgement("a")).isEmpty();
    clock.advance(INTERVAL);

    assertThat(single.flushDue()).isEqualTo(1);
    assertThat(told(outbox.take().get(0))).containsExactly("a resolved");
  }

  @Test
  void acknowledge_isEmptyWithoutSuchFiringAlertAndKeepsTheFirstAcknowledgement() {
    dispatcher.accept(Fixture.alert("p", "sales.orders", AlertState.PENDING));
    assertThat(dispatcher.acknowledge("p", "alice", null)).isEmpty();
    assertThat(dispatcher.acknowledge("nope", "alice", null)).isEmpty();

    dispatcher.accept(firing("a"));
    Acknowledgement first = dispatcher.acknowledge("a", "alice", null).orElseThrow();
    clock.advance(Duration.ofMinutes(1));

    assertThat(dispatcher.acknowledge("a", "bob", "me too")).contains(first);
    assertThat(outbox.sent).as("nobody told it yet").isEmpty();
  }
}
