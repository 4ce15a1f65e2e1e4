package io.meshwatch.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a free loopback port that keeps every request (path, idempotency key, JSON
 * body) and answers with a status the test sets: 200 while up, e.g. 503 to play a receiver that is down.
 */
final class WebhookSink implements AutoCloseable {

  /** One request as received, with the status it was answered. */
  record Received(String path, String idempotencyKey, JsonNode body, int answered) {
    boolean accepted() {
      return answered >= 200 && answered < 300;
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);

  WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      int answer = status.get();
      try (InputStream in = exchange.getRequestBody()) {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        received.add(new Received(exchange.getRequestURI().getPath(), key == null ? "" : key, CollectorClient.parse(body), answer));
      }
      exchange.sendResponseHeaders(answer, -1);
      exchange.close();
    });
    server.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  void answer(int status) {
    this.status.set(status);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** The requests to {@code path} that were accepted. */
  List<Received> accepted(String path) {
    return received.stream().filter(r -> r.path().equals(path) && r.accepted()).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
