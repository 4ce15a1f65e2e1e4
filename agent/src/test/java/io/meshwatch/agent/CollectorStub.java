package io.meshwatch.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** A real HTTP server on 127.0.0.1 standing in for the collector's OTLP endpoint. */
final class CollectorStub implements AutoCloseable {

  /** One request as the collector saw it. */
  record Received(String path, String authorization, String contentType, String contentEncoding,
      ExportMetricsServiceRequest body) {

    Map<String, String> resource() {
      return body.getResourceMetrics(0).getResource().getAttributesList().stream()
          .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
    }

    Optional<Metric> metric(String name) {
      return body.getResourceMetricsList().stream()
          .flatMap(r -> r.getScopeMetricsList().stream())
          .flatMap(s -> s.getMetricsList().stream())
          .filter(m -> m.getName().equals(name))
          .findFirst();
    }
  }

  /** When a request arrived and was answered (System.nanoTime), and with what status. */
  record Exchange(long arrivedNanos, long answeredNanos, int status) {}

  private record Refusal(int status, String retryAfter) {}

  private final HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final Queue<Refusal> refusals = new ConcurrentLinkedQueue<>();

  CollectorStub(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next request is answered {@code status} with {@code Retry-After: retryAfter}, as a throttling collector does. */
  void refuseNext(int status, String retryAfter) {
    refusals.add(new Refusal(status, retryAfter));
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Refusal refusal = refusals.poll();
      if (refusal != null) {
        exchange.getResponseHeaders().add("Retry-After", refusal.retryAfter());
        exchange.sendResponseHeaders(refusal.status(), -1);
        exchanges.add(new Exchange(arrived, System.nanoTime(), refusal.status()));
        return;
      }
      String encoding = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Encoding"));
      if (encoding.equalsIgnoreCase("gzip")) {
        body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
      }
      received.add(new Received(
          exchange.getRequestURI().getPath(),
          String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
          String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
          encoding,
          ExportMetricsServiceRequest.parseFrom(body)));
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
      exchanges.add(new Exchange(arrived, System.nanoTime(), 200));
    }
  }

  /** The newest request carrying metric {@code name}. */
  Optional<Received> lastWith(String name) {
    for (int i = received.size() - 1; i >= 0; i--) {
      if (received.get(i).metric(name).isPresent()) {
        return Optional.of(received.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
