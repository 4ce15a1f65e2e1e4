package io.meshwatch.collector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwatch.collector.config.ServerConfig;
import io.meshwatch.collector.health.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /ready} against a real collector: its built-in checks, a plugged-in one, and overload. */
class ReadyHandlerTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIMIT = 3;
  private static final AtomicBoolean damaged = new AtomicBoolean();

  @TempDir static Path dir;
  static EdgeCollector edge;

  @BeforeAll
  static void start() {
    edge = new EdgeCollector(dir, ServerConfig.DEFAULTS.withMaxConnections(LIMIT).withRetryAfter(Duration.ofSeconds(4)));
    edge.collector.readiness().add(() -> damaged.get()
        ? Verdict.notReady("plugged", "2 damaged journal records skipped")
        : Verdict.ready("plugged"));
  }

  @AfterAll
  static void stop() {
    edge.close();
  }

  @Test
  void ready_withEveryCheckReady_is200ListingEachCheck() throws IOException {
    RawConnection.Response response = get("/ready");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("status").asText()).isEqualTo("ready");
    assertThat(body.path("checks").findValuesAsText("name")).containsExactly("journal", "recovery", "storage", "overload", "plugged");
    assertThat(body.path("checks").findValues("ready")).allMatch(JsonNode::asBoolean);
    assertThat(body.path("checks").get(1).path("reasons").get(0).asText()).startsWith("restored no snapshot");
  }

  @Test
  void ready_withAPluggedInCheckNotReady_is503WithItsReasonsAndRetryAfter() throws IOException {
    damaged.set(true);
    try {
      RawConnection.Response response = get("/ready");

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.header("Retry-After")).contains("4");
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.path("status").asText()).isEqualTo("not_ready");
      assertThat(body.path("checks").get(4).path("ready").asBoolean()).isFalse();
      assertThat(body.path("checks").get(4).path("reasons").get(0).asText()).isEqualTo("2 damaged journal records skipped");
      assertThat(get("/health").status()).isEqualTo(200);
    } finally {
      damaged.set(false);
    }
  }

  @Test
  void ready_withEveryConnectionTaken_isNotReadyAsOverloadedYetStillAnswers() throws IOException {
    List<RawConnection> held = new ArrayList<>();
    try {
      for (int i = 0; i < LIMIT; i++) {
        RawConnection connection = new RawConnection(edge.uri());
        connection.send("GET /health HTTP/1.1\r\nHost: edge\r\n\r\n");
        await().atMost(WAIT).until(() -> connection.response().isPresent());
        held.add(connection);
      }

      RawConnection.Response response = get("/ready");

      assertThat(response.status()).isEqualTo(503);
      JsonNode overload = JSON.readTree(response.body()).path("checks").get(3);
      assertThat(overload.path("name").asText()).isEqualTo("overload");
      assertThat(overload.path("reasons").get(0).asText()).isEqualTo("3 of 3 connections open (server.maxConnections)");
    } finally {
      held.forEach(RawConnection::close);
    }
    await().atMost(WAIT).until(() -> get("/ready").status() == 200);
  }

  private static RawConnection.Response get(String path) {
    try (RawConnection connection = new RawConnection(edge.uri())) {
      connection.send("GET " + path + " HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");
      await().atMost(WAIT).until(() -> connection.response().isPresent());
      return connection.response().get();
    }
  }
}
