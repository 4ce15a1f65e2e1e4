package io.meshwatch.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonEventDecoderTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Instant NOW = Otlp.CLOCK_START;
  private static final Instant AT = Instant.parse("2026-11-25T09:55:00Z");

  private final TestClock clock = new TestClock(Otlp.CLOCK_START);
  private final JsonEventDecoder decoder = new JsonEventDecoder(clock, IngestLimits.defaults());

  @Test
  void decode_eachEventTypeBecomesItsSignal() throws Exception {
    DecodeResult result = decode("""
        [{"type":"freshness","dataTime":"2026-11-25T09:00:00Z"},
         {"type":"quality","check":"not_null_email","passed":true,"rowsChecked":1000,"rowsFailed":0},
         {"type":"quality","check":"unique_id","passed":false},
         {"type":"volume","rows":12345},
         {"type":"usage","consumer":"finance.reporting","success":true,"latencyMs":120},
         {"type":"usage","consumer":"finance.reporting","success":false},
         {"type":"run","status":"succeeded","durationSeconds":42.5},
         {"type":"run","status":"failed"},
         {"type":"heartbeat"}]
        """);

    assertThat(result.signals()).containsExactly(
        new Signal.FreshnessUpdate(ORDERS, NOW, Instant.parse("2026-11-25T09:00:00Z")),
        new Signal.QualityOutcome(ORDERS, NOW, "not_null_email", 1, 0, 1000, 0),
        new Signal.QualityOutcome(ORDERS, NOW, "unique_id", 0, 1, 0, 0),
        new Signal.VolumeWritten(ORDERS, NOW, 1, 12345),
        new Signal.UsageReads(ORDERS, NOW, "finance.reporting", 1, 0, Duration.ofMillis(120)),
        new Signal.UsageReads(ORDERS, NOW, "finance.reporting", 0, 1, Duration.ZERO),
        new Signal.RunsCompleted(ORDERS, NOW, 1, 0, Duration.ofMillis(42_500)),
        new Signal.RunsCompleted(ORDERS, NOW, 0, 1, Duration.ZERO),
        new Signal.Heartbeat(ORDERS, NOW));
    assertThat(result.acceptedPoints()).isEqualTo(9);
    assertThat(result.rejections()).isEmpty();
  }

  @Test
  void decode_timeIsTheObservationTimeInAnyOffset() throws Exception {
    DecodeResult result = decode("""
        {"type":"volume","rows":5,"time":"2026-11-25T10:55:00+01:00"}""");

    assertThat(result.signals()).containsExactly(new Signal.VolumeWritten(ORDERS, AT, 1, 5));
  }

  @Test
  void decode_singleEventArrayAndWrapperAreAllAccepted() throws Exception {
    Signal volume = new Signal.VolumeWritten(ORDERS, NOW, 1, 7);

    assertThat(decode("{\"type\":\"volume\",\"rows\":7}").signals()).containsExactly(volume);
    assertThat(decode("[{\"type\":\"volume\",\"rows\":7}]").signals()).containsExactly(volume);
    assertThat(decode("{\"events\":[{\"type\":\"volume\",\"rows\":7}]}").signals()).containsExactly(volume);
    assertThat(decode("[]").signals()).isEmpty();
  }

  @Test
  void decode_oneBadEventRejectsTheWholeRequestListingEveryProblem() throws Exception {
    DecodeResult result = decode("""
        [{"type":"volume","rows":10},{"type":"volume","rows":-5},{"type":"heartbeat"},{"type":"run","status":"maybe"}]""");

    assertThat(result.signals()).isEmpty();
    assertThat(result.acceptedPoints()).isZero();
    assertThat(result.rejectedPoints()).isEqualTo(4);
    assertThat(result.allRejected()).isTrue();
    assertThat(result.rejections()).containsExactly(
        new Rejection(RejectReason.INVALID_VALUE, "events[1].rows: must be a number from 0 to 9007199254740992, got -5"),
        new Rejection(RejectReason.INVALID_VALUE, "events[3].status: must be one of succeeded, failed, got 'maybe'"));
    assertThat(result.errorMessage()).contains("events[1].rows", "events[3].status");
  }

  @Test
  void decode_everyFieldProblemIsNamedWithItsReason() throws Exception {
    DecodeResult result = decode("""
        [{"type":"volume","rows":"5"},
         {"type":"volume","rowz":5},
         {"type":"quality","check":" ","passed":"yes","rowsChecked":1.5,"rowsFailed":-1},
         {"type":"quality","check":"c","passed":true,"rowsChecked":10,"rowsFailed":11},
         {"type":"usage","consumer":"bi","success":true,"latencyMs":-1},
         {"type":"run","durationSeconds":1e400},
         {"type":"freshness","dataTime":"yesterday"},
         {"type":"heartbeat","time":12}]""");

    assertThat(result.rejections()).extracting(r -> r.reason() + " " + r.message()).containsExactly(
        "INVALID_VALUE events[0].rows: must be a number from 0 to 9007199254740992, got \"5\"",
        "MALFORMED events[1].rowz: unknown field for a volume event; allowed: type, time, rows",
        "MALFORMED events[1].rows: missing; must be a number from 0 to 9007199254740992",
        "INVALID_VALUE events[2].check: must be a non-blank string, got \" \"",
        "INVALID_VALUE events[2].passed: must be true or false, got \"yes\"",
        "INVALID_VALUE events[2].rowsChecked: must be a whole number from 0 to 9007199254740992, got 1.5",
        "INVALID_VALUE events[2].rowsFailed: must be a whole number from 0 to 9007199254740992, got -1",
        "INVALID_VALUE events[3].rowsFailed: must not exceed rowsChecked (10), got 11",
        "INVALID_VALUE events[4].latencyMs: must be a number from 0 to 31622400000, got -1",
        "MALFORMED events[5].status: missing; must be one of succeeded, failed",
        "INVALID_VALUE events[5].durationSeconds: must be a number from 0 to 31622400, got Infinity",
        "INVALID_VALUE events[6].dataTime: must be an ISO-8601 time with an offset, such as 2026-11-25T10:00:00Z, got \"yesterday\"",
        "INVALID_VALUE events[7].time: must be an ISO-8601 time with an offset, such as 2026-11-25T10:00:00Z, got 12");
    assertThat(result.rejectedPoints()).isEqualTo(8);
  }

  @Test
  void decode_unknownOrMissingTypeAndNonObjectsAreMalformed() throws Exception {
    DecodeResult result = decode("[{\"type\":\"volumes\",\"rows\":1},{\"rows\":1},{\"type\":3},5]");

    assertThat(result.rejections()).extracting(r -> r.reason() + " " + r.message()).containsExactly(
        "MALFORMED events[0].type: unknown type \"volumes\"; must be one of freshness, quality, volume, usage, run, heartbeat",
        "MALFORMED events[1].type: missing; must be one of freshness, quality, volume, usage, run, heartbeat",
        "MALFORMED events[2].type: unknown type 3; must be one of freshness, quality, volume, usage, run, heartbeat",
        "MALFORMED events[3]: must be an object with a \"type\", got 5");
  }

  @Test
  void decode_timesBeyondTheSkewAreFutureTimestamps() throws Exception {
    DecodeResult result = decode("""
        [{"type":"heartbeat","time":"2026-11-25T10:05:00Z"},
         {"type":"heartbeat","time":"2026-11-25T10:05:01Z"},
         {"type":"freshness","dataTime":"2026-11-26T10:00:00Z"}]""");

    assertThat(result.rejections()).containsExactly(
        new Rejection(RejectReason.FUTURE_TIMESTAMP,
            "events[1].time: must be a time at most 1h before and 5m after the collector's clock (2026-11-25T10:00:00Z), "
                + "got 2026-11-25T10:05:01Z (in the future)"),
        new Rejection(RejectReason.FUTURE_TIMESTAMP,
            "events[2].dataTime: must be a time at most 3650d before and 5m after the collector's clock (2026-11-25T10:00:00Z), "
                + "got 2026-11-26T10:00:00Z (in the future)"));
  }

  @Test
  void decode_clockDecidesWhatIsInTheFuture() throws Exception {
    String event = "{\"type\":\"freshness\",\"dataTime\":\"2026-11-25T11:00:00Z\"}";
    assertThat(decode(event).allRejected()).isTrue();

    clock.advance(Duration.ofHours(1));

    assertThat(decode(event).signals()).hasSize(1);
  }

  @Test
  void decode_bodiesThatAreNotEventsAreMalformed() {
    assertMalformed("{\"type\": \"volume\", ", "not valid JSON at line 1, column 20");
    assertMalformed("{\"type\":\"volume\",\"rows\":NaN}", "not valid JSON");
    assertMalformed("{\"type\":\"volume\",\"rows\":1} {}", "not valid JSON");
    assertMalformed("{\"type\":\"volume\",\"rows\":1,\"rows\":2}", "Duplicate field 'rows'");
    assertMalformed("", "body is empty");
    assertMalformed("42", "body must be a JSON event object, an array of events or {\"events\": [...]}, got number");
    assertMalformed("{\"events\":{}}", "\"events\" must be an array, got object");
    assertMalformed("{\"events\":[],\"product\":\"x\"}", "unknown field(s) [product] next to \"events\"");
  }

  @Test
  void decode_moreEventsThanTheLimitIsMalformed() {
    JsonEventDecoder small = new JsonEventDecoder(clock, new IngestLimits(Duration.ofMinutes(5), 10, Duration.ofHours(1), 3));
    String four = "[" + String.join(",", Collections.nCopies(4, "{\"type\":\"heartbeat\"}")) + "]";

    assertThatThrownBy(() -> small.decode(ORDERS, four.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("too many events: must be at most 3 items, got 4 items");
  }

  @Test
  void bounds_haveAnEntryForEveryFieldOfEveryEventType() {
    Set<String> decoded = new TreeSet<>();
    EventReader.FIELDS.values().forEach(decoded::addAll);
    decoded.add("events");

    assertThat(decoder.bounds().table().names()).containsExactlyInAnyOrderElementsOf(decoded);
  }

  @Test
  void decode_dataTimesOlderThanTenYearsAreRefusedNamingTheBound() throws Exception {
    DecodeResult result = decode("""
        [{"type":"freshness","dataTime":"2016-11-27T10:00:00Z"},
         {"type":"freshness","dataTime":"2016-11-27T09:59:59Z"},
         {"type":"freshness","dataTime":"-999999999-01-01T00:00:00Z"}]""");

    assertThat(result.rejections()).extracting(r -> r.reason() + " " + r.message()).containsExactly(
        "INVALID_VALUE events[1].dataTime: must be a time at most 3650d before and 5m after the collector's clock "
            + "(2026-11-25T10:00:00Z), got 2016-11-27T09:59:59Z",
        "INVALID_VALUE events[2].dataTime: must be a time at most 3650d before and 5m after the collector's clock "
            + "(2026-11-25T10:00:00Z), got -999999999-01-01T00:00:00Z");
  }

  @Test
  void decode_countsNumbersAndNamesPastTheirBoundsAreRefused() throws Exception {
    String longName = "c".repeat(257);
    DecodeResult result = decode("""
        [{"type":"quality","check":"%s","passed":true},
         {"type":"quality","check":"c","passed":true,"rowsChecked":9007199254740993,"rowsFailed":99999999999999999999},
         {"type":"volume","rows":9.1e15},
         {"type":"usage","consumer":"bi","success":true,"latencyMs":31622400001},
         {"type":"run","status":"failed","durationSeconds":31622401}]""".formatted(longName));

    assertThat(result.rejections()).extracting(Rejection::message).containsExactly(
        "events[0].check: must be text of 1 to 256 characters, got 257 characters ('" + "c".repeat(40) + "…')",
        "events[1].rowsChecked: must be a whole number from 0 to 9007199254740992, got 9007199254740993",
        "events[1].rowsFailed: must be a whole number from 0 to 9007199254740992, got 99999999999999999999",
        "events[2].rows: must be a number from 0 to 9007199254740992, got 9.1E15",
        "events[3].latencyMs: must be a number from 0 to 31622400000, got 31622400001",
        "events[4].durationSeconds: must be a number from 0 to 31622400, got 31622401");
  }

  @Test
  void decode_valuesAtTheirBoundsAreAccepted() throws Exception {
    DecodeResult result = decode("""
        [{"type":"quality","check":"%s","passed":true,"rowsChecked":9007199254740992,"rowsFailed":9007199254740992},
         {"type":"volume","rows":9007199254740992},
         {"type":"usage","consumer":"%s","success":true,"latencyMs":31622400000},
         {"type":"run","status":"failed","durationSeconds":31622400},
         {"type":"freshness","dataTime":"2016-11-27T10:00:00Z","time":"2026-11-25T09:00:00Z"}]""".formatted(
        "c".repeat(256), "u".repeat(256)));

    assertThat(result.rejections()).isEmpty();
    assertThat(result.signals()).hasSize(5);
  }

  private DecodeResult decode(String body) throws MalformedPayloadException {
    return decoder.decode(ORDERS, body.getBytes(StandardCharsets.UTF_8));
  }

  private void assertMalformed(String body, String message) {
    assertThatThrownBy(() -> decode(body)).isInstanceOf(MalformedPayloadException.class).hasMessageContaining(message);
  }
}
