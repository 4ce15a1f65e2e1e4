package io.meshwatch.alerting.outbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** A webhook receiver on a loopback port: answers each post with the status {@code statuses} gives. */
final class WebhookSink implements AutoCloseable {
  final List<String> accepted = new CopyOnWriteArrayList<>();
  final AtomicInteger rejected = new AtomicInteger();
  private final HttpServer server;

  WebhookSink(IntSupplier statuses) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = statuses.getAsInt();
      if (status == 200) {
        accepted.add(body);
      } else {
        rejected.incrementAndGet();
      }
      exchange.sendResponseHeaders(status, -1);
      try (OutputStream ignored = exchange.getResponseBody()) {
        // no body
      }
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** The group label {@code group} of each accepted body, in arrival order. */
  List<String> acceptedGroups() {
    return accepted.stream().map(WebhookSink::group).toList();
  }

  static String group(String body) {
    int start = body.indexOf("\"groupLabels\":{\"group\":\"") + "\"groupLabels\":{\"group\":\"".length();
    return body.substring(start, body.indexOf('"', start));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
