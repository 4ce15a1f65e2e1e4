package io.meshwatch.collector.http;

import static io.meshwatch.collector.http.EdgeCollector.A;
import static io.meshwatch.collector.http.EdgeCollector.B;
import static io.meshwatch.collector.http.EdgeCollector.TOKEN_A;
import static io.meshwatch.collector.http.EdgeCollector.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.collector.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies against a real collector over real sockets: a token is checked on the head before a
 * byte of the body is read or inflated; a compression bomb is inflated off the event loop, bounded,
 * while other requests are answered; broken framing is a 400.
 */
class BodyGateTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final long LIMIT = 1 << 20;
  private static final String INFLATED = "meshwatch_http_inflated_bytes_total";

  @TempDir static Path dir;
  static EdgeCollector edge;
  static byte[] bomb;

  @BeforeAll
  static void start() throws IOException {
    edge = new EdgeCollector(dir, ServerConfig.DEFAULTS, LIMIT, InstantSource.system());
    bomb = StreamedInflaterTest.gzip(new byte[256 << 20]); // 256 MiB of zeros in about 250 KB
  }

  @AfterAll
  static void stop() {
    edge.close();
  }

  @Test
  void bombWithoutAToken_isRefusedOnItsHeadBeforeAByteIsInflated() {
    double inflatedBefore = inflated();
    try (RawConnection connection = new RawConnection(edge.uri())) {
      connection.send("POST /v1/metrics HTTP/1.1\r\nHost: edge\r\nContent-Type: application/x-protobuf\r\n"
          + "Content-Encoding: gzip\r\nContent-Length: " + bomb.length + "\r\n\r\n");

      await().atMost(WAIT).until(() -> connection.response().isPresent());
      assertThat(connection.response().get().status()).isEqualTo(401);
      assertThat(connection.response().get().header("Connection")).contains("close");
      connection.send(bomb); // whatever of it still gets through is thrown away unread, then the connection closed
      await().atMost(WAIT).until(connection::closedByPeer);
    }
    assertThat(inflated()).isEqualTo(inflatedBefore);
    assertThat(edge.sample("meshwatch_ingest_rejected_total", "reason=\"body_too_large\"")).contains(0.0);
  }

  @Test
  void expectContinueWithoutAToken_isRefusedWithoutTheBodyEverBeingAskedFor() {
    try (RawConnection connection = new RawConnection(edge.uri())) {
      connection.send("POST /api/v1/products/" + A + "/events HTTP/1.1\r\nHost: edge\r\nContent-Type: application/json\r\n"
          + "Authorization: Bearer wrong\r\nExpect: 100-continue\r\nContent-Length: 20\r\n\r\n");

      await().atMost(WAIT).until(() -> connection.response().isPresent());
      assertThat(connection.response().get().status()).isEqualTo(401);
      assertThat(connection.received()).doesNotContain("100 Continue");
    }
  }

  @Test
  void bombWithAToken_whileStillInflating_healthAndAnotherProductsExportAreAnswered_thenItIs413() {
    double inflatedBefore = inflated();
    try (RawConnection bombing = new RawConnection(edge.uri())) {
      bombing.send("POST /api/v1/products/" + A + "/events HTTP/1.1\r\nHost: edge\r\nAuthorization: Bearer " + TOKEN_A
          + "\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n");
      int first = 512; // inflates to about 500 KiB, within the limit: the request stays open, inflating
      sendChunk(bombing, Arrays.copyOfRange(bomb, 0, first));
      await().atMost(WAIT).until(() -> inflated() > inflatedBefore);

      try (RawConnection health = new RawConnection(edge.uri()); RawConnection other = new RawConnection(edge.uri())) {
        health.send("GET /health HTTP/1.1\r\nHost: edge\r\n\r\n");
        other.send(EdgeCollector.eventsRequest(B, TOKEN_B, "{\"type\":\"heartbeat\"}"));
        await().atMost(WAIT).until(() -> health.response().isPresent() && other.response().isPresent());
        assertThat(health.response().get().status()).isEqualTo(200);
        assertThat(other.response().get().status()).isEqualTo(202);
      }
      assertThat(bombing.response()).as("the bomb is still open, unanswered").isEmpty();
      assertThat(bombing.closedByPeer()).isFalse();

      for (int at = first; at < bomb.length && !bombing.closedByPeer() && bombing.response().isEmpty(); at += 8192) {
        sendChunk(bombing, Arrays.copyOfRange(bomb, at, Math.min(bomb.length, at + 8192)));
      }
      await().atMost(WAIT).until(() -> bombing.response().isPresent());
      assertThat(bombing.response().get().status()).isEqualTo(413);
      assertThat(bombing.response().get().body())
          .contains("inflates to larger than the limit of " + LIMIT + " bytes (server.maxBodyBytes)");
    }
    assertThat(inflated() - inflatedBefore).isGreaterThan(LIMIT).isLessThan(2.0 * LIMIT);
  }

  @Test
  void gzipBodyWithAToken_isInflatedAndAccepted() throws IOException {
    byte[] gzip = StreamedInflaterTest.gzip("{\"type\":\"volume\",\"rows\":42}".getBytes(StandardCharsets.UTF_8));
    try (RawConnection connection = new RawConnection(edge.uri())) {
      connection.send("POST /api/v1/products/" + B + "/events HTTP/1.1\r\nHost: edge\r\nAuthorization: Bearer " + TOKEN_B
          + "\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: " + gzip.length + "\r\n\r\n");
      connection.send(gzip);

      await().atMost(WAIT).until(() -> connection.response().isPresent());
      assertThat(connection.response().get().status()).isEqualTo(202);
    }
  }

  @Test
  void unknownContentEncoding_is415NamingIt() {
    try (RawConnection connection = new RawConnection(edge.uri())) {
      connection.send("POST /api/v1/products/" + B + "/events HTTP/1.1\r\nHost: edge\r\nAuthorization: Bearer " + TOKEN_B
          + "\r\nContent-Type: application/json\r\nContent-Encoding: br\r\nContent-Length: 3\r\n\r\nabc");

      await().atMost(WAIT).until(() -> connection.response().isPresent());
      assertThat(connection.response().get().status()).isEqualTo(415);
      assertThat(connection.response().get().body()).contains("got 'br'");
    }
  }

  @Test
  void malformedChunkedBody_is400AndCounted() {
    double before = edge.sample("meshwatch_ingest_rejected_total", "reason=\"malformed_framing\"").orElse(0.0);
    try (RawConnection connection = new RawConnection(edge.uri())) {
      connection.send("POST /api/v1/products/" + B + "/events HTTP/1.1\r\nHost: edge\r\nAuthorization: Bearer " + TOKEN_B
          + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n[{\"ty\r\nZZ\r\n");

      await().atMost(WAIT).until(() -> connection.response().isPresent());
      assertThat(connection.response().get().status()).isEqualTo(400);
      assertThat(connection.response().get().body()).contains("framing is malformed");
    }
    assertThat(edge.sample("meshwatch_ingest_rejected_total", "reason=\"malformed_framing\"")).contains(before + 1);
  }

  private static void sendChunk(RawConnection connection, byte[] chunk) {
    connection.send(Integer.toHexString(chunk.length) + "\r\n");
    connection.send(chunk);
    connection.send("\r\n");
  }

  private static double inflated() {
    return edge.sample(INFLATED, "").orElse(0.0);
  }
}
