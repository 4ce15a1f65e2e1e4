package io.meshwatch.collector;

import static io.meshwatch.collector.CollectorFixture.A;
import static io.meshwatch.collector.CollectorFixture.ADMIN;
import static io.meshwatch.collector.CollectorFixture.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input gets a 4xx that says what is wrong, is counted by reason, writes nothing,
 * and the collector goes on serving the next, good request.
 */
class BadInputTest {

  private static final int BODY_LIMIT = 64 * 1024;
  private static final String EVENTS = "/api/v1/products/" + A + "/events";

  private CollectorFixture fixture;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    fixture = new CollectorFixture(dataDir, BODY_LIMIT, InstantSource.system());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void malformedProtobuf_is400WithAStatusThatSaysSo() {
    HttpResponse<byte[]> response = fixture.client.postBytes("/v1/metrics", "application/x-protobuf",
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02}, Optional.of(TOKEN_A));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/x-protobuf");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("malformed OTLP protobuf");
    assertRejectedAndStillServing("malformed");
  }

  @Test
  void malformedOtlpJson_is400() {
    HttpResponse<String> response = otlpJson("{\"resourceMetrics\": [ {");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("malformed OTLP JSON");
    assertRejectedAndStillServing("malformed");
  }

  @Test
  void otlpForUnknownProduct_is400NamingIt() {
    HttpResponse<String> response = fixture.client.post("/v1/metrics", "application/json",
        AuthMatrixTest.otlpFor(io.meshwatch.model.ProductId.parse("auth.nope")), Optional.of(ADMIN));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("auth.nope");
    assertRejectedAndStillServing("unknown_product");
  }

  @Test
  void otlpNaNValue_is400NamingTheValue() {
    long now = System.currentTimeMillis() * 1_000_000L;
    HttpResponse<String> response = otlpJson("""
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"meshwatch.product","value":{"stringValue":"auth.a"}}]},
          "scopeMetrics":[{"metrics":[{"name":"meshwatch.freshness.data_time","gauge":{
            "dataPoints":[{"timeUnixNano":"%d","asDouble":"NaN"}]}}]}]}]}
        """.formatted(now));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("NaN");
    assertRejectedAndStillServing("invalid_value");
  }

  @Test
  void unknownProductEvents_is404() {
    HttpResponse<String> response = fixture.client.post("/api/v1/products/auth.nope/events", "application/json",
        bytes("{\"type\":\"volume\",\"rows\":1}"), Optional.of(ADMIN));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("unknown product 'auth.nope'");
    assertRejectedAndStillServing("unknown_product");
  }

  @Test
  void negativeCount_is400NamingTheField() {
    HttpResponse<String> response = events("[{\"type\":\"volume\",\"rows\":10},{\"type\":\"volume\",\"rows\":-5}]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("events[1].rows").contains("-5");
    assertRejectedAndStillServing("invalid_value");
  }

  @Test
  void timestampFarInTheFuture_is400() {
    String future = Instant.now().plusSeconds(86_400).toString();
    HttpResponse<String> response = events("{\"type\":\"freshness\",\"dataTime\":\"" + future + "\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("future");
    assertRejectedAndStillServing("future_timestamp");
  }

  @Test
  void eventOlderThanTheLateness_is400NamingIt() {
    String late = Instant.now().minusSeconds(2 * 3600).toString();
    HttpResponse<String> response = events("{\"type\":\"volume\",\"rows\":10,\"time\":\"" + late + "\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("events[0].time", "at most 1h before");
    assertRejectedAndStillServing("too_late");
  }

  @Test
  void otlpPointOlderThanTheLateness_is400() {
    long twoHoursAgo = (System.currentTimeMillis() - 2 * 3600 * 1000L) * 1_000_000L;
    HttpResponse<String> response = otlpJson("""
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"meshwatch.product","value":{"stringValue":"auth.a"}}]},
          "scopeMetrics":[{"metrics":[{"name":"meshwatch.volume.rows","histogram":{"aggregationTemporality":1,
            "dataPoints":[{"startTimeUnixNano":"%d","timeUnixNano":"%d","count":"1","sum":120}]}}]}]}]}
        """.formatted(twoHoursAgo - 1_000_000_000L, twoHoursAgo));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("time_unix_nano", "at most 1h before");
    assertRejectedAndStillServing("too_late");
  }

  @Test
  void oldDataTime_isAFreshnessValueNotLateData() {
    String twoDaysAgo = Instant.now().minusSeconds(2 * 86_400).toString();

    assertThat(events("{\"type\":\"freshness\",\"dataTime\":\"" + twoDaysAgo + "\"}").statusCode()).isEqualTo(202);
  }

  @Test
  void dataTimeOfYearMinusOneBillion_is400AndEvaluationReadsAndRestartKeepWorking(@TempDir Path dataDir) {
    fixture.close();
    fixture = new CollectorFixture(dataDir, BODY_LIMIT, InstantSource.system());

    HttpResponse<String> response = events("{\"type\":\"freshness\",\"dataTime\":\"-999999999-01-01T00:00:00Z\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("events[0].dataTime", "-999999999-01-01T00:00:00Z", "at most 3650d before");
    assertRejectedAndStillServing("invalid_value");
    assertThat(fixture.client.get("/api/v1/products").statusCode()).isEqualTo(200);
    fixture.close();
    fixture = new CollectorFixture(dataDir, BODY_LIMIT, InstantSource.system());
    assertThat(fixture.client.get("/api/v1/products").statusCode()).isEqualTo(200);
    assertThat(events("{\"type\":\"heartbeat\"}").statusCode()).isEqualTo(202);
    assertThat(fixture.written(A)).isTrue();
  }

  @Test
  void malformedEventJson_is400() {
    HttpResponse<String> response = events("{\"type\": \"volume\", ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("malformed");
    assertRejectedAndStillServing("malformed");
  }

  @Test
  void bodyOverTheLimit_is413() {
    byte[] big = new byte[BODY_LIMIT + 1];
    java.util.Arrays.fill(big, (byte) ' ');

    HttpResponse<String> response = fixture.client.post(EVENTS, "application/json", big, Optional.of(TOKEN_A));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("larger than the limit of " + BODY_LIMIT);
    assertRejectedAndStillServing("body_too_large");
  }

  @Test
  void otherMediaType_is415() {
    HttpResponse<String> response = fixture.client.post("/v1/metrics", "text/plain", bytes("hello"), Optional.of(TOKEN_A));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("application/x-protobuf");
    assertRejectedAndStillServing("unsupported_media_type");
  }

  @Test
  void invalidDescriptor_is400ListingEveryProblem() {
    HttpResponse<String> response = fixture.client.post("/api/v1/products", "application/json",
        bytes("{\"id\": \"Bad Id\", \"owner\": \"\", \"version\": \"one\"}"), Optional.of(ADMIN));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("problems").contains("id").contains("version");
  }

  @Test
  void descriptorWithAWindowOf999999999999999h_is400NamingItAndTheProductsStayReadable() {
    HttpResponse<String> response = fixture.client.post("/api/v1/products", "application/json", bytes("""
        {"id": "auth.c", "owner": "t", "version": "1.0.0",
         "slos": [{"name": "runs", "sli": "run_success", "objective": 99, "window": "999999999999999h"}]}"""),
        Optional.of(ADMIN));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("slos[0].window: must be a duration from 5m to 366d, got 999999999999999h");
    assertThat(fixture.client.sample("meshwatch_ingest_rejected_total", "reason=\"invalid_value\"")).contains(1.0);
    assertThat(fixture.client.get("/api/v1/products").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> otlpJson(String body) {
    return fixture.client.post("/v1/metrics", "application/json", bytes(body), Optional.of(TOKEN_A));
  }

  private HttpResponse<String> events(String body) {
    return fixture.client.post(EVENTS, "application/json", bytes(body), Optional.of(TOKEN_A));
  }

  /** The rejection was counted, nothing was written, and a good request right after is served. */
  private void assertRejectedAndStillServing(String reason) {
    assertThat(fixture.client.sample("meshwatch_ingest_rejected_total", "reason=\"" + reason + "\""))
        .hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1.0));
    assertThat(fixture.written(A)).isFalse();
    assertThat(events("{\"type\":\"volume\",\"rows\":100}").statusCode()).isEqualTo(202);
    assertThat(fixture.written(A)).isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
