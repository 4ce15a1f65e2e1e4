package io.meshwatch.alerting.receiver.http;

import static io.meshwatch.alerting.receiver.http.ScriptedHttpServer.OK;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.meshwatch.alerting.receiver.http.ScriptedHttpServer.Answer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeepAliveHttpClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private final KeepAliveHttpClient client = KeepAliveHttpClient.create(TIMEOUT);
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    client.close();
    for (AutoCloseable resource : closing) {
      resource.close();
    }
  }

  private ScriptedHttpServer server(ScriptedHttpServer.Script script) throws IOException {
    ScriptedHttpServer server = new ScriptedHttpServer(script);
    closing.add(server);
    return server;
  }

  private KeepAliveHttpClient.Reply post(ScriptedHttpServer server, String body) throws IOException {
    return client.post(server.url("/hook"), JSON, body.getBytes(UTF_8), TIMEOUT);
  }

  @Test
  void post_writesRequestLineHostHeadersLengthAndBody() throws IOException {
    ScriptedHttpServer server = server((index, request) -> Answer.of(OK));

    KeepAliveHttpClient.Reply reply = client.post(server.url("/hooks/a%20b?team=sales&x=1"),
        Map.of("Idempotency-Key", "n-1"), "{\"ä\":1}".getBytes(UTF_8), TIMEOUT);

    assertThat(reply).isEqualTo(new KeepAliveHttpClient.Reply(200, "ok"));
    ScriptedHttpServer.Request request = server.requests().get(0);
    assertThat(request.requestLine()).isEqualTo("POST /hooks/a%20b?team=sales&x=1 HTTP/1.1");
    assertThat(request.head()).contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n",
        "\r\nIdempotency-Key: n-1\r\n", "\r\nContent-Length: 8\r\n"); // ä is two bytes in UTF-8
    assertThat(request.bodyText()).isEqualTo("{\"ä\":1}");
  }

  @Test
  void post_reusesOneKeptAliveConnectionForRequestsOneAfterTheOther() throws IOException {
    ScriptedHttpServer server = server((index, request) -> Answer.of(OK));

    for (int i = 0; i < 5; i++) {
      assertThat(post(server, "{\"n\":" + i + "}").status()).isEqualTo(200);
    }

    assertThat(server.requests()).hasSize(5);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void post_readsAChunkedAnswerAndKeepsTheConnection() throws IOException {
    ScriptedHttpServer server = server((index, request) -> Answer.of(
        "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nbusy,\r\n6\r\n later\r\n0\r\nX-Trailer: t\r\n\r\n"));

    KeepAliveHttpClient.Reply first = post(server, "{}");
    KeepAliveHttpClient.Reply second = post(server, "{}");

    assertThat(first).isEqualTo(new KeepAliveHttpClient.Reply(503, "busy, later"));
    assertThat(second).isEqualTo(first);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void post_opensANewConnectionAfterTheServerSaidClose() throws IOException {
    ScriptedHttpServer server = server((index, request) ->
        Answer.thenClose("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));

    post(server, "{}");
    post(server, "{}");

    assertThat(server.requests()).hasSize(2);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void post_readsAnHttp10AnswerWithoutLengthToTheEnd() throws IOException {
    ScriptedHttpServer server = server((index, request) ->
        Answer.thenClose("HTTP/1.0 500 Internal Server Error\r\n\r\nout of disk"));

    KeepAliveHttpClient.Reply reply = post(server, "{}");
    post(server, "{}");

    assertThat(reply).isEqualTo(new KeepAliveHttpClient.Reply(500, "out of disk"));
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void post_skipsInterimAnswers() throws IOException {
    ScriptedHttpServer server = server((index, request) ->
        Answer.of("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"));

    assertThat(post(server, "{}")).isEqualTo(new KeepAliveHttpClient.Reply(204, ""));
    assertThat(post(server, "{}").status()).isEqualTo(204);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void post_keepsOnlyTheStartOfALongErrorBody() throws IOException {
    String longBody = "x".repeat(100_000);
    ScriptedHttpServer server = server((index, request) ->
        Answer.of("HTTP/1.1 400 Bad Request\r\nContent-Length: " + longBody.length() + "\r\n\r\n" + longBody));

    KeepAliveHttpClient.Reply reply = post(server, "{}");
    post(server, "{}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.bodyStart()).hasSize(Response.KEPT_BODY_BYTES).containsOnlyOnce("x".repeat(512));
    // Too long to drain: closing the connection is cheaper than reading it.
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void post_sendsAgainOnAFreshConnectionWhenTheServerHadClosedTheIdleOne() throws IOException {
    // The first answer keeps the connection alive, then the server drops it without a word, as a
    // server does whose idle timeout passed: the next request meets a dead connection.
    ScriptedHttpServer server = server((index, request) -> index == 0 ? Answer.thenClose(OK) : Answer.of(OK));

    post(server, "{\"n\":1}");
    KeepAliveHttpClient.Reply reply = post(server, "{\"n\":2}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(server.requests()).extracting(ScriptedHttpServer.Request::bodyText)
        .containsExactly("{\"n\":1}", "{\"n\":2}");
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void post_failsWithoutSendingAgainWhenTheAnswerBreaksOffMidway() throws IOException {
    ScriptedHttpServer server = server((index, request) ->
        index == 0 ? Answer.of(OK) : Answer.thenClose("HTTP/1.1 200 OK\r\nContent-Len"));

    post(server, "{}");

    // The server took the request: sending it again could deliver it twice.
    assertThatThrownBy(() -> post(server, "{}")).isInstanceOf(IOException.class);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void post_failsWhenTheAnswerIsNotHttp() throws IOException {
    ScriptedHttpServer server = server((index, request) -> Answer.thenClose("SSH-2.0-OpenSSH_9.2\r\n"));

    assertThatThrownBy(() -> post(server, "{}")).isInstanceOf(IOException.class)
        .hasMessageContaining("did not answer in HTTP/1.x");
  }

  @Test
  void post_timesOutWhenNoAnswerComes() throws IOException {
    ScriptedHttpServer server = server((index, request) -> Answer.never());

    assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        assertThatThrownBy(() -> client.post(server.url("/"), JSON, new byte[2], Duration.ofMillis(300)))
            .isInstanceOf(HttpTimeoutException.class));
  }

  @Test
  void post_boundsTheWholeExchangeNotEachRead() throws IOException {
    // A byte of the answer every 50 ms: each read succeeds, the whole never completes in time.
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    closing.add(trickle::shutdownNow);
    ServerSocket slow = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closing.add(slow);
    trickle.execute(() -> {
      try {
        var socket = slow.accept();
        closing.add(socket);
        trickle.scheduleAtFixedRate(() -> {
          try {
            socket.getOutputStream().write('H');
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }, 0, 50, TimeUnit.MILLISECONDS);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    URI url = URI.create("http://127.0.0.1:" + slow.getLocalPort() + "/");

    assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        assertThatThrownBy(() -> client.post(url, JSON, new byte[2], Duration.ofMillis(500)))
            .isInstanceOf(HttpTimeoutException.class));
  }

  @Test
  void post_throwsConnectExceptionWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    assertThatThrownBy(() -> client.post(URI.create("http://127.0.0.1:" + port + "/"), JSON, new byte[0], TIMEOUT))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void post_rejectsWhatHttpCannotCarry() throws IOException {
    URI url = server((index, request) -> Answer.of(OK)).url("/");

    assertThatThrownBy(() -> client.post(url, Map.of("X-Team", "sales\r\nX-Injected: 1"), new byte[0], TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Team");
    assertThatThrownBy(() -> client.post(url, Map.of("Bad Name", "v"), new byte[0], TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an HTTP token");
    assertThatThrownBy(() -> client.post(url, Map.of("Content-Length", "1"), new byte[0], TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client's to write");
    assertThatThrownBy(() -> client.post(URI.create("ftp://127.0.0.1/"), JSON, new byte[0], TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http and https");
  }

  @Test
  void post_fromManyThreadsGivesEachRequestItsOwnConnectionAndKeepsThemAlive() throws Exception {
    ScriptedHttpServer server = server((index, request) -> Answer.of(OK));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    closing.add(threads::shutdownNow);

    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String body = "{\"n\":" + i + "}";
      statuses.add(threads.submit(() -> post(server, body).status()));
    }
    for (Future<Integer> status : statuses) {
      assertThat(status.get()).isEqualTo(200);
    }

    assertThat(server.requests()).extracting(ScriptedHttpServer.Request::bodyText).doesNotHaveDuplicates().hasSize(400);
    assertThat(server.connections()).isBetween(1, 8);
  }

  @Test
  void post_doesNotReuseAConnectionWithBytesBeyondTheAnswer() throws IOException {
    // A stray CR LF after the body: the connection is out of step and is not pooled.
    ScriptedHttpServer server = server((index, request) -> Answer.of(OK + "\r\n"));

    post(server, "{\"n\":1}");
    post(server, "{\"n\":2}");

    assertThat(server.requests()).extracting(ScriptedHttpServer.Request::bodyText)
        .containsExactly("{\"n\":1}", "{\"n\":2}");
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void post_neverTakesAnAnswerMeantForAnotherRequest() throws IOException {
    ScriptedHttpServer server = server((index, request) -> index == 0
        ? Answer.of(OK + "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")
        : Answer.of(OK));

    assertThat(post(server, "{}").status()).isEqualTo(200);
    assertThat(post(server, "{}").status()).isEqualTo(200);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void post_doesNotReuseAConnectionAfterA204ThatClaimsABody() throws IOException {
    ScriptedHttpServer server = server((index, request) ->
        Answer.of("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello"));

    assertThat(post(server, "{}")).isEqualTo(new KeepAliveHttpClient.Reply(204, ""));
    assertThat(post(server, "{}").status()).isEqualTo(204);
    assertThat(server.requests()).hasSize(2);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void post_sendsAgainOnAFreshConnectionWhenAReusedOneAnswers408() throws IOException {
    // A server whose idle timeout passed may answer 408 and close: the request was never taken.
    ScriptedHttpServer server = server((index, request) -> index == 1
        ? Answer.thenClose("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
        : Answer.of(OK));

    post(server, "{\"n\":1}");
    KeepAliveHttpClient.Reply reply = post(server, "{\"n\":2}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(server.requests()).extracting(ScriptedHttpServer.Request::connection).containsExactly(0, 0, 1);
  }

  @Test
  void post_returns408FromAFreshConnection() throws IOException {
    ScriptedHttpServer server = server((index, request) ->
        Answer.thenClose("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 4\r\n\r\nslow"));

    assertThat(post(server, "{}")).isEqualTo(new KeepAliveHttpClient.Reply(408, "slow"));
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void post_keepsTheStatusWhenTheBodyIsCutShortOrTooLong() throws IOException {
    String longBody = "y".repeat(100_000);
    ScriptedHttpServer server = server((index, request) -> index == 0
        ? Answer.thenClose("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b")
        : Answer.thenClose("HTTP/1.1 202 Accepted\r\nConnection: close\r\n\r\n" + longBody));

    // The server took both requests: their answers say so, whatever became of the bodies.
    assertThat(post(server, "{}")).isEqualTo(new KeepAliveHttpClient.Reply(200, "only ten b"));
    assertThat(post(server, "{}").status()).isEqualTo(202);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void post_closeWinsOverKeepAliveAndATransferCodingWithoutChunkedReadsToTheEnd() throws IOException {
    ScriptedHttpServer server = server((index, request) -> index == 0
        ? Answer.thenClose("HTTP/1.1 200 OK\r\nConnection: close\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")
        : Answer.thenClose("HTTP/1.1 500 Oops\r\nTransfer-Encoding: identity\r\nContent-Length: 2\r\n\r\nnot two"));

    post(server, "{}");
    KeepAliveHttpClient.Reply second = post(server, "{}");

    assertThat(second).isEqualTo(new KeepAliveHttpClient.Reply(500, "not two"));
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void post_percentEncodesCharactersBeyondAsciiInThePath() throws IOException {
    ScriptedHttpServer server = server((index, request) -> Answer.of(OK));

    client.post(URI.create(server.url("/hooks/") + "café?team=équipe"), JSON, new byte[0], TIMEOUT);

    assertThat(server.requests().get(0).requestLine()).isEqualTo("POST /hooks/caf%C3%A9?team=%C3%A9quipe HTTP/1.1");
  }

  @Test
  void post_timesOutWritingALargeRequestNobodyReads() throws IOException {
    ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closing.add(deaf);
    URI url = URI.create("http://127.0.0.1:" + deaf.getLocalPort() + "/");

    // Accepted by the kernel's backlog and never read: the write fills both buffers and blocks.
    assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        assertThatThrownBy(() -> client.post(url, JSON, new byte[32 << 20], Duration.ofMillis(500)))
            .isInstanceOf(HttpTimeoutException.class));
  }
}
