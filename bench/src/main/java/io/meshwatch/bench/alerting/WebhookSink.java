package io.meshwatch.bench.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver both contenders post to: reads Alertmanager's webhook JSON and records, per
 * receiver and alert (by its labels), when the alert first arrived and how many times it came. An
 * alert that comes again to the same receiver with the same status is a duplicate.
 */
final class WebhookSink implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // Alertmanager posts each group's notification on a connection of its own, thousands at once; the
    // JDK server's defaults (200 idle connections kept, a backlog) would close or refuse some, and the
    // retries would be charged to Alertmanager. Read when the first HttpServer is made.
    System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
    System.setProperty("sun.net.httpserver.idleInterval", "600");
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
  private final AtomicLong notifications = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  // Guards the deliveries' first arrivals against expect(), so that each is counted exactly once.
  private final Object arrivals = new Object();
  private Set<String> expected = Set.of();
  private int remaining;
  private long lastExpectedNanos;

  /** One alert at one receiver with one status. */
  static final class Delivery {
    final long firstNanos;
    final AtomicInteger count = new AtomicInteger();

    Delivery(long firstNanos) {
      this.firstNanos = firstNanos;
    }
  }

  WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    server.createContext("/hook", this::receive);
    server.setExecutor(threads);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** The key a delivery is recorded under. */
  static String deliveryKey(String receiver, String status, String alertKey) {
    return receiver + '|' + status + '|' + alertKey;
  }

  Delivery delivery(String key) {
    return deliveries.get(key);
  }

  long notifications() {
    return notifications.get();
  }

  long rejected() {
    return rejected.get();
  }

  Map<String, Delivery> deliveries() {
    return deliveries;
  }

  /**
   * From now on, waits for the deliveries {@code keys} (those already here count as arrived): see
   * {@link #awaitExpected}.
   */
  void expect(Set<String> keys) {
    synchronized (arrivals) {
      expected = keys;
      remaining = (int) keys.stream().filter(key -> !deliveries.containsKey(key)).count();
      lastExpectedNanos = keys.stream().map(deliveries::get).filter(d -> d != null)
          .mapToLong(d -> d.firstNanos).max().orElse(0);
    }
  }

  /**
   * Waits until every delivery given to {@link #expect} has arrived; returns the
   * {@link System#nanoTime()} of the last of them to arrive, or -1 after {@code timeout}.
   */
  long awaitExpected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (arrivals) {
      while (remaining > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return -1;
        }
        arrivals.wait(Math.max(1, left / 1_000_000));
      }
      return lastExpectedNanos;
    }
  }

  /** How many deliveries given to {@link #expect} have not arrived. */
  int remaining() {
    synchronized (arrivals) {
      return remaining;
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    try (exchange; InputStream body = exchange.getRequestBody()) {
      JsonNode payload;
      try {
        payload = JSON.readTree(body);
      } catch (IOException e) {
        rejected.incrementAndGet();
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      notifications.incrementAndGet();
      String receiver = payload.path("receiver").asText();
      List<String> keys = new ArrayList<>();
      for (JsonNode alert : payload.path("alerts")) {
        Map<String, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = alert.path("labels").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> label = it.next();
          labels.put(label.getKey(), label.getValue().asText());
        }
        keys.add(deliveryKey(receiver, alert.path("status").asText(), AlertFleet.key(labels)));
      }
      synchronized (arrivals) {
        boolean arrived = false;
        for (String key : keys) {
          Delivery delivery = deliveries.computeIfAbsent(key, k -> new Delivery(now));
          if (delivery.count.getAndIncrement() == 0 && expected.contains(key)) {
            remaining--;
            lastExpectedNanos = Math.max(lastExpectedNanos, now);
            arrived = true;
          }
        }
        if (arrived) {
          arrivals.notifyAll();
        }
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
