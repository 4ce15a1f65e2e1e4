package io.meshwatch.collector.http;

import static io.meshwatch.collector.http.EdgeCollector.A;
import static io.meshwatch.collector.http.EdgeCollector.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.collector.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow, idle and surplus clients against a real collector over real sockets, with the timeouts
 * shortened: a client that dribbles its head or body is cut although it never goes quiet, an idle one
 * is cut, and connections beyond the limit are answered 503 with Retry-After and closed while
 * {@code /health} still answers.
 */
class ConnectionGuardTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ServerConfig SHORT = ServerConfig.DEFAULTS
      .withTimeouts(Duration.ofMillis(1500), Duration.ofMillis(1000), Duration.ofMillis(1000));
  private static final int LIMIT = 6;

  @TempDir static Path dir;
  static EdgeCollector shortTimeouts;
  static EdgeCollector smallLimit;

  @BeforeAll
  static void start() {
    shortTimeouts = new EdgeCollector(dir.resolve("short"), SHORT);
    smallLimit = new EdgeCollector(dir.resolve("limit"), ServerConfig.DEFAULTS.withMaxConnections(LIMIT).withRetryAfter(Duration.ofSeconds(7)));
  }

  @AfterAll
  static void stop() {
    shortTimeouts.close();
    smallLimit.close();
  }

  @Test
  void headDribbledAByteAtATime_isCutAtTheHeaderTimeout() {
    double before = closed("header_timeout");
    String head = "GET /health HTTP/1.1\r\nHost: edge\r\nX-Slow: " + "a".repeat(10_000);
    try (RawConnection slowloris = new RawConnection(shortTimeouts.uri())) {
      AtomicBoolean cut = dribble(slowloris, head);

      await().atMost(WAIT).untilTrue(cut);
      assertThat(slowloris.response()).isEmpty();
    }
    assertThat(closed("header_timeout")).isGreaterThan(before);
  }

  @Test
  void bodyDribbledAByteAtATime_isAnswered408AndCut() {
    double before = closed("body_timeout");
    String request = EdgeCollector.eventsRequest(A, TOKEN_A, "[" + " ".repeat(10_000) + "]");
    int headEnd = request.indexOf("\r\n\r\n") + 4;
    try (RawConnection slow = new RawConnection(shortTimeouts.uri())) {
      slow.send(request.substring(0, headEnd));
      AtomicBoolean cut = dribble(slow, request.substring(headEnd));

      await().atMost(WAIT).untilTrue(cut);
      await().atMost(WAIT).until(slow::closedByPeer);
      assertThat(slow.response()).hasValueSatisfying(r -> {
        assertThat(r.status()).isEqualTo(408);
        assertThat(r.body()).contains("server.bodyTimeout");
      });
    }
    assertThat(closed("body_timeout")).isGreaterThan(before);
  }

  @Test
  void keptAliveConnectionLeftIdle_isClosedAtTheIdleTimeout() {
    double before = closed("idle_timeout");
    try (RawConnection idle = new RawConnection(shortTimeouts.uri())) {
      idle.send("GET /health HTTP/1.1\r\nHost: edge\r\n\r\n");
      await().atMost(WAIT).until(() -> idle.response().isPresent());
      assertThat(idle.response().get().status()).isEqualTo(200);

      await().atMost(WAIT).until(idle::closedByPeer);
    }
    assertThat(closed("idle_timeout")).isGreaterThan(before);
  }

  @Test
  void newConnectionThatSendsNothing_isClosed() {
    try (RawConnection silent = new RawConnection(shortTimeouts.uri())) {
      await().atMost(WAIT).until(silent::closedByPeer);
      assertThat(silent.received()).isEmpty();
    }
  }

  @Test
  void connectionsBeyondTheLimit_areAnswered503WithRetryAfterAndClosed_whileHealthStillAnswers() {
    List<RawConnection> held = new ArrayList<>();
    try {
      for (int i = 0; i < LIMIT; i++) {
        RawConnection connection = new RawConnection(smallLimit.uri());
        connection.send("GET /health HTTP/1.1\r\nHost: edge\r\n\r\n");
        await().atMost(WAIT).until(() -> connection.response().isPresent());
        held.add(connection);
      }

      try (RawConnection surplus = new RawConnection(smallLimit.uri())) {
        surplus.send(EdgeCollector.eventsRequest(A, TOKEN_A, "{\"type\":\"heartbeat\"}"));
        await().atMost(WAIT).until(surplus::closedByPeer);
        assertThat(surplus.response()).hasValueSatisfying(r -> {
          assertThat(r.status()).isEqualTo(503);
          assertThat(r.header("Retry-After")).contains("7");
          assertThat(r.body()).contains("server.maxConnections");
        });
      }
      try (RawConnection probe = new RawConnection(smallLimit.uri())) {
        probe.send("GET /health HTTP/1.1\r\nHost: edge\r\n\r\n");
        await().atMost(WAIT).until(probe::closedByPeer);
        assertThat(probe.response()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));
      }
    } finally {
      held.forEach(RawConnection::close);
    }
    await().atMost(WAIT).untilAsserted(() -> {
      try (RawConnection after = new RawConnection(smallLimit.uri())) {
        after.send(EdgeCollector.eventsRequest(A, TOKEN_A, "{\"type\":\"heartbeat\"}"));
        await().atMost(WAIT).until(() -> after.response().isPresent());
        assertThat(after.response().get().status()).isEqualTo(202);
      }
    });
  }

  /** Sends {@code text} a byte every 50 ms on a thread of its own; the flag is set once the server cut the connection. */
  private static AtomicBoolean dribble(RawConnection connection, String text) {
    AtomicBoolean cut = new AtomicBoolean();
    Thread dribbler = new Thread(() -> {
      for (int i = 0; i < text.length() && !connection.closedByPeer(); i++) {
        if (!connection.send(text.substring(i, i + 1))) {
          break;
        }
        try {
          Thread.sleep(50); // the pace of the slow client under test, not a wait for an effect
        } catch (InterruptedException e) {
          return;
        }
      }
      cut.set(connection.closedByPeer() || !connection.send("x"));
    }, "dribbler");
    dribbler.setDaemon(true);
    dribbler.start();
    return cut;
  }

  private static double closed(String reason) {
    return shortTimeouts.sample("meshwatch_http_connections_closed_total", "reason=\"" + reason + "\"").orElse(0.0);
  }
}
