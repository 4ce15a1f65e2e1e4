package io.meshwatch.collector.http;

import static io.meshwatch.collector.http.EdgeCollector.A;
import static io.meshwatch.collector.http.EdgeCollector.B;
import static io.meshwatch.collector.http.EdgeCollector.TOKEN_A;
import static io.meshwatch.collector.http.EdgeCollector.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.collector.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteLoadTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void tryStart_atTheLimit_isRefusedUntilOneFinishes() {
    WriteLoad load = new WriteLoad(2);

    assertThat(load.tryStart()).isTrue();
    assertThat(load.tryStart()).isTrue();
    assertThat(load.tryStart()).isFalse();
    load.finished();
    assertThat(load.tryStart()).isTrue();
    assertThat(load.inFlight()).isEqualTo(2);
  }

  @Test
  void writeBeyondTheLimit_isAnswered503WithRetryAfterWhileTheOthersAreInFlight(@TempDir Path dir) {
    ServerConfig oneWrite = ServerConfig.DEFAULTS.withMaxConcurrentWrites(1).withRetryAfter(Duration.ofSeconds(3));
    try (EdgeCollector edge = new EdgeCollector(dir, oneWrite);
        RawConnection slow = new RawConnection(edge.uri());
        RawConnection second = new RawConnection(edge.uri())) {
      String body = "{\"type\":\"heartbeat\"}";
      String request = EdgeCollector.eventsRequest(A, TOKEN_A, body);
      slow.send(request.substring(0, request.length() - body.length()));
      await().atMost(WAIT).until(() -> readyReasons(edge).contains("1 of 1 writes in flight"));

      second.send(EdgeCollector.eventsRequest(B, TOKEN_B, body));
      await().atMost(WAIT).until(second::closedByPeer);
      assertThat(second.response()).hasValueSatisfying(r -> {
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).contains("3");
        assertThat(r.body()).contains("server.maxConcurrentWrites");
      });

      slow.send(body);
      await().atMost(WAIT).until(() -> slow.response().isPresent());
      assertThat(slow.response().get().status()).isEqualTo(202);
      assertThat(edge.sample("meshwatch_ingest_rejected_total", "reason=\"overloaded\"")).contains(1.0);
    }
  }

  private static String readyReasons(EdgeCollector edge) {
    try (RawConnection connection = new RawConnection(edge.uri())) {
      connection.send("GET /ready HTTP/1.1\r\nHost: edge\r\nConnection: close\r\n\r\n");
      await().atMost(WAIT).until(() -> connection.response().isPresent());
      return connection.response().get().body();
    }
  }
}
