package io.meshwatch.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.metrics.EdgeMetrics.Closed;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Each deadline, driven over its whole period with a clock the test moves. */
class ConnectionWatchTest {

  private static final long MS = 1_000_000L;
  private static final ConnectionWatch.Timeouts TIMEOUTS = new ConnectionWatch.Timeouts(
      Duration.ofSeconds(60).toNanos(), Duration.ofSeconds(10).toNanos(), Duration.ofSeconds(30).toNanos(),
      Duration.ofSeconds(1).toNanos());

  @Test
  void overdue_newConnectionWithoutAHead_isCutAtTheHeaderTimeout() {
    ConnectionWatch watch = ConnectionWatch.admitted(0);

    for (long t = 0; t < 10_000; t += 250) {
      assertThat(watch.overdue(t * MS, TIMEOUTS)).as("at %d ms", t).isEmpty();
    }
    assertThat(watch.overdue(10_000 * MS, TIMEOUTS)).contains(Closed.HEADER_TIMEOUT);
  }

  @Test
  void overdue_bodyStillArriving_isCutAtTheBodyTimeoutCountedFromItsHead() {
    ConnectionWatch watch = ConnectionWatch.admitted(0);
    watch.headArrived(9_000 * MS, () -> false);

    for (long t = 9_000; t < 39_000; t += 500) {
      assertThat(watch.overdue(t * MS, TIMEOUTS)).as("at %d ms", t).isEmpty();
    }
    assertThat(watch.overdue(39_000 * MS, TIMEOUTS)).contains(Closed.BODY_TIMEOUT);
  }

  @Test
  void overdue_bodyReceived_hasNoDeadlineWhileTheCollectorAnswers() {
    AtomicBoolean received = new AtomicBoolean();
    ConnectionWatch watch = ConnectionWatch.admitted(0);
    watch.headArrived(0, received::get);
    received.set(true);

    assertThat(watch.overdue(Duration.ofHours(2).toNanos(), TIMEOUTS)).isEmpty();
  }

  @Test
  void overdue_keptAliveAfterAnAnswer_isCutAtTheIdleTimeoutNotTheHeaderTimeout() {
    ConnectionWatch watch = ConnectionWatch.admitted(0);
    watch.headArrived(100 * MS, () -> true);
    watch.exchangeEnded(200 * MS);

    for (long t = 200; t < 60_200; t += 1_000) {
      assertThat(watch.overdue(t * MS, TIMEOUTS)).as("at %d ms", t).isEmpty();
    }
    assertThat(watch.overdue(60_200 * MS, TIMEOUTS)).contains(Closed.IDLE_TIMEOUT);
  }

  @Test
  void overdue_nextRequestOnAKeptAliveConnection_restartsItsDeadline() {
    ConnectionWatch watch = ConnectionWatch.admitted(0);
    watch.headArrived(0, () -> true);
    watch.exchangeEnded(0);
    watch.headArrived(59_000 * MS, () -> false);

    assertThat(watch.overdue(88_999 * MS, TIMEOUTS)).isEmpty();
    assertThat(watch.overdue(89_000 * MS, TIMEOUTS)).contains(Closed.BODY_TIMEOUT);
  }

  @Test
  void overdue_beyondTheLimit_isCutAfterItsGraceWhateverItSends() {
    ConnectionWatch watch = ConnectionWatch.overLimit(0);
    watch.headArrived(10 * MS, () -> true);
    watch.exchangeEnded(20 * MS);

    assertThat(watch.isOverLimit()).isTrue();
    assertThat(watch.overdue(999 * MS, TIMEOUTS)).isEmpty();
    assertThat(watch.overdue(1_000 * MS, TIMEOUTS)).contains(Closed.OVER_LIMIT);
  }
}
