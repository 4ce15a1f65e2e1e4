package io.meshwatch.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.alerting.routing.Matcher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilencesTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final Map<String, String> ORDERS_PAGE =
      Map.of("product", "sales.orders", "domain", "sales", "severity", "page");

  private final TestClock clock = new TestClock(T0);
  private final Silences silences = new Silences(clock);

  @Test
  void silencing_mutesMatchingAlertsOnlyWhileActive() {
    Silence silence = silences.add(request("product=sales.orders", T0.plus(Duration.ofMinutes(10)), Duration.ofHours(1)));

    assertThat(silences.silencing(ORDERS_PAGE, clock.instant())).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(silences.silencing(ORDERS_PAGE, clock.instant())).containsExactly(silence.id());
    assertThat(silences.silencing(Map.of("product", "sales.customers"), clock.instant())).isEmpty();
    clock.advance(Duration.ofHours(1));
    assertThat(silences.silencing(ORDERS_PAGE, clock.instant())).isEmpty();
    assertThat(silences.get(silence.id())).hasValueSatisfying(
        s -> assertThat(s.state(clock.instant())).isEqualTo(Silence.State.EXPIRED));
  }

  @Test
  void silencing_namesEveryActiveSilenceThatMatches() {
    Silence byProduct = silences.add(request("product=sales.orders", null, Duration.ofHours(1)));
    Silence byDomain = silences.add(request("domain=~\"sales|ml\"", null, Duration.ofHours(1)));
    silences.add(request("domain=ml", null, Duration.ofHours(1)));

    assertThat(silences.silencing(ORDERS_PAGE, clock.instant())).containsExactly(byProduct.id(), byDomain.id());
  }

  @Test
  void expire_letsAlertsThroughAgain() {
    Silence silence = silences.add(request("product=sales.orders", null, Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(5));

    assertThat(silences.expire(silence.id())).hasValueSatisfying(s -> {
      assertThat(s.endsAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
      assertThat(s.startsAt()).isEqualTo(T0);
    });
    assertThat(silences.silencing(ORDERS_PAGE, clock.instant())).isEmpty();
    assertThat(silences.get(silence.id()).orElseThrow().state(clock.instant())).isEqualTo(Silence.State.EXPIRED);
  }

  @Test
  void expire_pendingSilenceStartsAndEndsNow() {
    Silence silence = silences.add(request("product=sales.orders", T0.plus(Duration.ofHours(1)), Duration.ofHours(1)));

    Silence expired = silences.expire(silence.id()).orElseThrow();

    assertThat(expired.startsAt()).isEqualTo(T0);
    assertThat(expired.endsAt()).isEqualTo(T0);
    clock.advance(Duration.ofHours(1));
    assertThat(silences.silencing(ORDERS_PAGE, clock.instant())).isEmpty();
  }

  @Test
  void expire_unknownIdIsEmptyAndExpiredSilenceStaysAsItIs() {
    Silence silence = silences.add(request("product=sales.orders", null, Duration.ofHours(1)));
    clock.advance(Duration.ofHours(2));

    assertThat(silences.expire("no-such-id")).isEmpty();
    assertThat(silences.expire(silence.id())).contains(silence);
  }

  @Test
  void add_givesRandomIdsAndStartsPastRequestsNow() {
    Silence first = silences.add(request("product=sales.orders", T0.minus(Duration.ofDays(1)), Duration.ofDays(2)));
    Silence second = silences.add(request("product=sales.orders", null, Duration.ofHours(1)));

    assertThat(first.id()).isNotEqualTo(second.id()).matches("[0-9a-f-]{36}");
    assertThat(first.startsAt()).isEqualTo(T0);
    assertThat(silences.list()).containsExactly(first, second);
    assertThat(silences.get(second.id())).contains(second);
  }

  @Test
  void add_rejectsEndNotAfterStartAndListsOtherProblemsToo() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> silences.add(new SilenceRequest(List.of(Matcher.parse("a=b")), "ana", "", null, T0)))
        .withMessageContaining("endsAt " + T0 + " must be after its start " + T0 + " (now)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> silences.add(new SilenceRequest(List.of(Matcher.parse("a!=b")), " ", "", null,
            T0.minusSeconds(60))))
        .withMessageContaining("does not match the empty string")
        .withMessageContaining("needs createdBy")
        .withMessageContaining("must be after its start");
    assertThat(silences.list()).isEmpty();
  }

  @Test
  void collectGarbage_forgetsSilencesExpiredLongerThanRetention() {
    Silence old = silences.add(request("product=sales.orders", null, Duration.ofHours(1)));
    clock.advance(Duration.ofDays(2));
    Silence recent = silences.add(request("product=sales.orders", null, Duration.ofHours(1)));

    clock.advance(Duration.ofDays(3).plusHours(1));
    assertThat(silences.collectGarbage()).isZero(); // old expired exactly 5 days ago: kept
    clock.advance(Duration.ofSeconds(1));
    assertThat(silences.collectGarbage()).isEqualTo(1);
    assertThat(silences.list()).containsExactly(recent);
    assertThat(silences.get(old.id())).isEmpty();
  }

  @Test
  void add_alsoCollectsGarbage() {
    Silences shortLived = new Silences(clock, Duration.ofMinutes(1));
    Silence old = shortLived.add(request("a=b", null, Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(3));

    Silence fresh = shortLived.add(request("a=b", null, Duration.ofMinutes(1)));

    assertThat(shortLived.list()).containsExactly(fresh).doesNotContain(old);
  }

  @Test
  void readState_restoresWhatWriteStateWrote() throws IOException {
    Silence active = silences.add(new SilenceRequest(List.of(Matcher.parse("product=~\"sales\\\\..*\""),
        Matcher.parse("severity!~\"ticket|info\""), Matcher.parse("team!=\"ml \\\"x\\\"\"")), "ana", "über backfill",
        null, T0.plus(Duration.ofHours(1))));
    Silence pending = silences.add(request("domain=ml", T0.plus(Duration.ofHours(1)), Duration.ofMinutes(30)));
    Silence expired = silences.expire(silences.add(request("domain=hr", null, Duration.ofHours(1))).id()).orElseThrow();

    Silences restored = Silences.readState(stateOf(silences), clock);

    assertThat(restored.list()).containsExactly(active, pending, expired);
    assertThat(restored.silencing(ORDERS_PAGE, clock.instant())).containsExactly(active.id());
  }

  @Test
  void readState_dropsSilencesPastRetention() throws IOException {
    silences.add(request("domain=hr", null, Duration.ofHours(1)));
    DataInputStream state = stateOf(silences);
    clock.advance(Duration.ofDays(6));

    assertThat(Silences.readState(state, clock).list()).isEmpty();
  }

  @Test
  void readState_rejectsWhatIsNotSilenceState() throws IOException {
    silences.add(request("domain=hr", null, Duration.ofHours(1)));
    byte[] good = stateOf(silences).readAllBytes();

    assertThatThrownBy(() -> Silences.readState(new DataInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})),
        clock)).isInstanceOf(IOException.class).hasMessageContaining("not stored silences");
    byte[] otherVersion = good.clone();
    otherVersion[7] = 9;
    assertThatThrownBy(() -> Silences.readState(new DataInputStream(new ByteArrayInputStream(otherVersion)), clock))
        .isInstanceOf(IOException.class).hasMessageContaining("format version 9");
    byte[] truncated = Arrays.copyOf(good, good.length - 3);
    assertThatThrownBy(() -> Silences.readState(new DataInputStream(new ByteArrayInputStream(truncated)), clock))
        .isInstanceOf(IOException.class);
  }

  @Test
  void pinsDomain_onlyForAnEqualDomainMatcher() {
    assertThat(Silences.pinsDomain(List.of(Matcher.parse("product=~\"sales\\\\..*\""), Matcher.parse("domain=sales")),
        "sales")).isTrue();
    assertThat(Silences.pinsDomain(List.of(Matcher.parse("domain=ml")), "sales")).isFalse();
    assertThat(Silences.pinsDomain(List.of(Matcher.parse("domain=~sales")), "sales")).isFalse();
    assertThat(Silences.pinsDomain(List.of(Matcher.parse("domain!=ml")), "sales")).isFalse();
    assertThat(Silences.pinsDomain(List.of(Matcher.parse("product=sales.orders")), "sales")).isFalse();
  }

  private SilenceRequest request(String matcher, Instant startsAt, Duration length) {
    Instant start = startsAt == null ? clock.instant() : startsAt;
    return new SilenceRequest(List.of(Matcher.parse(matcher)), "ana", "maintenance", startsAt, start.plus(length));
  }

  private static DataInputStream stateOf(Silences silences) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    silences.writeState(new DataOutputStream(bytes));
    return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
  }

  /** A clock the test moves by hand. */
  static final class TestClock implements InstantSource {
    private Instant now;

    TestClock(Instant start) {
      now = start;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration step) {
      now = now.plus(step);
    }
  }
}
