package io.meshwatch.alerting.outbox;

import static io.meshwatch.alerting.outbox.Notifications.firing;
import static io.meshwatch.alerting.outbox.Notifications.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.alerting.MutableClock;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notifier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  // nextDouble() is then just below 1: every wait is the full cap, so times can be asserted exactly.
  private static final RandomGenerator MAX_JITTER = () -> -1L;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private final RecordingListener listener = new RecordingListener();
  private final Map<String, Notifier> receivers = new HashMap<>();
  private final List<Outbox> opened = new ArrayList<>();
  private OutboxOptions options = OutboxOptions.defaults().withFsync(false).withRandom(MAX_JITTER);

  @AfterEach
  void closeAll() {
    opened.forEach(Outbox::close);
  }

  @Test
  void deliverDue_sendsWhatIsDueAndReportsLatencyFromEnqueue() throws IOException {
    ScriptedNotifier team = receiver("team", new ScriptedNotifier());
    Outbox outbox = open();
    outbox.enqueue(firing("a", "team", "g1"));
    clock.advance(Duration.ofSeconds(2));

    assertThat(outbox.deliverDue()).isEqualTo(1);

    assertThat(team.sent()).containsExactly("a");
    assertThat(listener.events).containsExactly("delivered a after PT2S");
    assertThat(outbox.pending()).isEmpty();
    assertThat(outbox.nextAttempt()).isEmpty();
  }

  @Test
  void deliverDue_retriesAReceiverThatFailsTwiceThenAccepts() throws IOException {
    ScriptedNotifier team = receiver("team", new ScriptedNotifier().then(ScriptedNotifier.unavailable(), 2));
    Outbox outbox = open();
    outbox.enqueue(firing("a", "team", "g1"));

    assertThat(outbox.deliverDue()).isEqualTo(1);
    assertThat(outbox.pending()).containsExactly(
        new PendingDelivery("a", "team", "team:{group=\"g1\"}", 1, T0, T0.plusSeconds(1), "HTTP 503: down"));
    assertThat(outbox.deliverDue()).as("not due before its backoff").isZero();

    clock.advance(Duration.ofSeconds(1));
    assertThat(outbox.deliverDue()).isEqualTo(1);
    assertThat(outbox.nextAttempt()).contains(T0.plusSeconds(3));

    clock.advance(Duration.ofSeconds(2));
    assertThat(outbox.deliverDue()).isEqualTo(1);

    assertThat(team.sent()).containsExactly("a", "a", "a");
    assertThat(listener.events).containsExactly(
        "failed a will retry: HTTP 503: down", "failed a will retry: HTTP 503: down", "delivered a after PT3S");
    assertThat(outbox.pending()).isEmpty();
  }

  @Test
  void deliverDue_backoffDoublesUpToTheMax() throws IOException {
    receiver("team", new ScriptedNotifier().then(ScriptedNotifier.unavailable(), 20));
    Outbox outbox = open();
    outbox.enqueue(firing("a", "team", "g1"));

    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      outbox.deliverDue();
      Instant next = outbox.nextAttempt().orElseThrow();
      waits.add(Duration.between(clock.instant(), next).toSeconds());
      clock.set(next);
    }

    assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
  }

  @Test
  void deliverDue_jittersEachWaitWithinItsCap() throws IOException {
    options = options.withSeed(7);
    receiver("team", new ScriptedNotifier().then(ScriptedNotifier.unavailable(), 20));
    Outbox outbox = open();
    outbox.enqueue(firing("a", "team", "g1"));
    Backoff backoff = new Backoff(options.initialBackoff(), options.maxBackoff());

    List<Double> shares = new ArrayList<>();
    for (int failures = 1; failures <= 12; failures++) {
      outbox.deliverDue();
      Instant next = outbox.nextAttempt().orElseThrow();
      Duration wait = Duration.between(clock.instant(), next);
      assertThat(wait).isBetween(Duration.ZERO, backoff.cap(failures));
      shares.add((double) wait.toNanos() / backoff.cap(failures).toNanos());
      clock.set(next);
    }

    assertThat(shares).as("full jitter spreads waits over the whole range")
        .anyMatch(share -> share < 0.5).anyMatch(share -> share > 0.5).doesNotHaveDuplicates();
  }

  @Test
  void deliverDue_givesUpAfterTheMaxAgeWithALastAttemptAtIt() throws IOException {
    options = options.withMaxAge(Duration.ofMinutes(10));
    ScriptedNotifier team = receiver("team", new ScriptedNotifier().then(ScriptedNotifier.unavailable(), 100));
    Outbox outbox = open();
    outbox.enqueue(firing("a", "team", "g1"));

    Instant lastAttempt = clock.instant();
    while (!outbox.pending().isEmpty()) {
      lastAttempt = clock.instant();
      outbox.deliverDue();
      outbox.nextAttempt().ifPresent(clock::set);
    }

    assertThat(lastAttempt).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(team.sent()).hasSize(11); // at 0, 1, 3, 7, 15, 31, 63, 127, 255, 511 and 600 s
    assertThat(listener.events).last().isEqualTo("failed a gave up: HTTP 503: down");
  }

  @Test
  void deliverDue_givesUpWithoutSendingWhatIsAlreadyTooOld() throws IOException {
    options = options.withMaxAge(Duration.ofMinutes(10));
    ScriptedNotifier team = receiver("team", new ScriptedNotifier());
    Outbox outbox = open();
    outbox.enqueue(firing("a", "team", "g1"));
    clock.advance(Duration.ofMinutes(11));

    outbox.deliverDue();

    assertThat(team.sent()).isEmpty();
    assertThat(listener.events).containsExactly("failed a gave up: older than the outbox's max age PT10M");
  }

  @Test
  void deliverDue_givesUpOnANonRetryableRejection() throws IOException {
    ScriptedNotifier team = receiver("team", new ScriptedNotifier().then(DeliveryResult.rejected(400, "bad"), 1));
    Outbox outbox = open();
    outbox.enqueue(firing("a", "team", "g1"));

    outbox.deliverDue();

    assertThat(team.sent()).containsExactly("a");
    assertThat(listener.events).containsExactly("failed a gave up: HTTP 400: bad");
    assertThat(outbox.pending()).isEmpty();
    assertThat(outbox.enqueue(firing("a", "team", "g1"))).as("a given-up id is kept like a delivered one").isFalse();
  }

  @Test
  void deliverDue_givesUpOnAnUnknownReceiver() throws IOException {
    Outbox outbox = open();
    outbox.enqueue(firing("a", "nobody", "g1"));

    outbox.deliverDue();

    assertThat(listener.events).containsExactly("failed a gave up: no receiver named 'nobody'");
    assertThat(outbox.pending()).isEmpty();
  }

  @Test
  void deliverDue_keepsEnqueueOrderWithinAGroupWhileOtherGroupsGoOn() throws IOException {
    ScriptedNotifier team = receiver("team", new ScriptedNotifier().then(ScriptedNotifier.unavailable(), 1));
    Outbox outbox = open();
    outbox.enqueue(firing("g1-firing", "team", "g1"));
    clock.advance(Duration.ofMillis(1));
    outbox.enqueue(resolved("g1-resolved", "team", "g1"));
    clock.advance(Duration.ofMillis(1));
    outbox.enqueue(firing("g2-firing", "team", "g2"));

    outbox.deliverDue();
    assertThat(team.sent()).as("the resolve waits behind its failed firing").containsExactly("g1-firing", "g2-firing");

    clock.advance(Duration.ofSeconds(1));
    outbox.deliverDue();
    assertThat(team.sent()).containsExactly("g1-firing", "g2-firing", "g1-firing", "g1-resolved");
    assertThat(outbox.pending()).isEmpty();
  }

  @Test
  void enqueue_dropsAnIdThatIsPendingOrWasDeliveredWithinTheRetention() throws IOException {
    ScriptedNotifier team = receiver("team", new ScriptedNotifier());
    Outbox outbox = open();

    assertThat(outbox.enqueue(firing("a", "team", "g1"))).isTrue();
    assertThat(outbox.enqueue(firing("a", "team", "g1"))).as("pending").isFalse();
    outbox.deliverDue();
    clock.advance(Duration.ofDays(6));
    assertThat(outbox.enqueue(firing("a", "team", "g1"))).as("delivered 6 days ago").isFalse();
    outbox.deliverDue();
    assertThat(team.sent()).containsExactly("a");

    clock.advance(Duration.ofDays(2));
    assertThat(outbox.enqueue(firing("a", "team", "g1"))).as("delivered beyond the 7-day retention").isTrue();
  }

  @Test
  void open_resumesPendingAndRemembersDeliveredIds() throws IOException {
    ScriptedNotifier team = receiver("team", new ScriptedNotifier());
    Outbox first = open();
    first.enqueue(firing("a", "team", "g1"));
    first.deliverDue();
    clock.advance(Duration.ofSeconds(5));
    first.enqueue(firing("b", "team", "g2"));
    first.close();

    Outbox second = open();

    assertThat(second.pending()).extracting(PendingDelivery::id, PendingDelivery::enqueuedAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b", T0.plusSeconds(5)));
    assertThat(second.enqueue(firing("a", "team", "g1"))).isFalse();
    second.deliverDue();
    assertThat(team.sent()).containsExactly("a", "b");
  }

  @Test
  void open_afterRetentionReplaysAReEnqueuedIdAsPending() throws IOException {
    receiver("team", new ScriptedNotifier());
    Outbox first = open();
    first.enqueue(firing("a", "team", "g1"));
    first.deliverDue();
    clock.advance(Duration.ofDays(8));
    first.enqueue(firing("a", "team", "g1"));
    first.close();

    assertThat(open().pending()).extracting(PendingDelivery::id).containsExactly("a");
  }

  private ScriptedNotifier receiver(String name, ScriptedNotifier notifier) {
    receivers.put(name, notifier);
    return notifier;
  }

  private Outbox open() throws IOException {
    Outbox outbox = Outbox.open(dir, options, name -> Optional.ofNullable(receivers.get(name)), clock, listener);
    opened.add(outbox);
    return outbox;
  }
}
