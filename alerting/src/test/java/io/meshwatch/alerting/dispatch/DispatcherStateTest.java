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

import io.meshwatch.alerting.MutableClock;
import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.Muting;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.routing.RoutedTo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Writing and reading the dispatcher's state, as a restart does. */
class DispatcherStateTest {
  private final Function<Alert, List<RoutedTo>> router = to(route("0", "sales", false), route("1", "ops", true));
  private final MutableClock clock = new MutableClock(T0);
  private final Fixture.Outbox before = new Fixture.Outbox();
  private final Fixture.Outbox after = new Fixture.Outbox();
  private final Dispatcher dispatcher = new Dispatcher(router, Muting.NONE, clock, before);

  @Test
  void readState_restartDuringGroupWaitSendsTheFirstNotificationOnceWithItsId() throws IOException {
    dispatcher.accept(List.of(firing("a"), firing("b")));
    clock.advance(Duration.ofSeconds(10));
    byte[] state = state(dispatcher);
    // What the crashed process would have sent, had it lived to flush.
    clock.advance(WAIT);
    dispatcher.flushDue();
    clock.set(T0.plusSeconds(20));

    Dispatcher restarted = restart(state);
    restarted.accept(List.of(firing("a"), firing("b")));

    assertThat(restarted.nextFlush()).contains(T0.plus(WAIT));
    clock.set(T0.plus(WAIT));
    assertThat(restarted.flushDue()).isEqualTo(2);
    assertThat(after.sent).isEqualTo(before.sent);
  }

  @Test
  void readState_restartAfterNotifyingSendsNothingTwiceAndKeepsRepeatAndResolve() throws IOException {
    dispatcher.accept(firing("a"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    before.take();
    Dispatcher restarted = restart(state(dispatcher));

    for (Duration passed = INTERVAL; passed.compareTo(REPEAT) < 0; passed = passed.plus(INTERVAL)) {
      clock.advance(INTERVAL);
      restarted.accept(firing("a"));
      dispatcher.accept(firing("a"));
      assertThat(restarted.flushDue()).as("after %s", passed).isZero();
      dispatcher.flushDue();
    }
    clock.advance(INTERVAL);
    assertThat(restarted.flushDue()).isEqualTo(2);
    dispatcher.flushDue();
    assertThat(after.take()).as("repeats, as without restart").isEqualTo(before.take());

    restarted.accept(resolved("a"));
    clock.advance(INTERVAL);
    restarted.flushDue();
    assertThat(after.sent).extracting(Fixture::told).containsOnly(List.of("a resolved")).hasSize(2);
    assertThat(restarted.nextFlush()).isEmpty();
  }

  @Test
  void readState_keepsAcknowledgementsAndSequencesOfEmptiedGroups() throws IOException {
    dispatcher.accept(firing("a"));
    dispatcher.accept(firing("b", "sales.returns"));
    clock.advance(WAIT);
    dispatcher.flushDue();
    dispatcher.acknowledge("a", "alice", "on it");
    dispatcher.accept(resolved("b"));
    clock.advance(INTERVAL);
    dispatcher.flushDue();
    Dispatcher restarted = restart(state(dispatcher));

    assertThat(restarted.acknowledgement("a")).isEqualTo(dispatcher.acknowledgement("a")).isPresent();
    clock.advance(REPEAT);
    assertThat(restarted.flushDue()).as("acknowledged: no repeat").isZero();

    restarted.accept(firing("b", "sales.returns"));
    clock.advance(WAIT);
    restarted.flushDue();
    List<String> ids = before.sent.stream().map(Notification::id).toList();
    assertThat(after.sent).hasSize(2).allSatisfy(n -> {
      assertThat(told(n)).containsExactly("b firing");
      assertThat(ids).doesNotContain(n.id());
    });
  }

  @Test
  void readState_rejectsAnUnknownFormat() {
    byte[] state = {0, 0, 0, 9};

    assertThatThrownBy(() -> restart(state)).isInstanceOf(IOException.class).hasMessageContaining("format 9");
  }

  private static byte[] state(Dispatcher dispatcher) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    dispatcher.writeState(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private Dispatcher restart(byte[] state) throws IOException {
    return Dispatcher.readState(new DataInputStream(new ByteArrayInputStream(state)), router, Muting.NONE, clock, after);
  }
}
