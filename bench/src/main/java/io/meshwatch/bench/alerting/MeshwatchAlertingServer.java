package io.meshwatch.bench.alerting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Muting;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import io.meshwatch.alerting.dispatch.Dispatcher;
import io.meshwatch.alerting.dispatch.FlushScheduler;
import io.meshwatch.alerting.outbox.Outbox;
import io.meshwatch.alerting.outbox.OutboxOptions;
import io.meshwatch.alerting.receiver.WebhookNotifier;
import io.meshwatch.alerting.routing.RouteTree;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * meshwatch's alerting pipeline behind Alertmanager's alert API, for the side-by-side benchmark: a JDK
 * {@code HttpServer} takes {@code POST /api/v2/alerts}, {@link AlertmanagerApiDecoder} turns the JSON
 * into alerts, the {@link Dispatcher} groups them by the {@link BenchRoutes} tree, a
 * {@link FlushScheduler} flushes groups when due, and the durable {@link Outbox} delivers each
 * notification with {@link WebhookNotifier} to the sink.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.meshwatch.bench.alerting.MeshwatchAlertingServer \
 *   --port 9193 --sink http://127.0.0.1:8080/hook --outbox /tmp/outbox \
 *   [--group-wait PT1S --group-interval PT5S --repeat-interval PT1H] [--outbox-fsync false] [--outbox-threads 2]
 * }</pre>
 */
public final class MeshwatchAlertingServer {
  private final Dispatcher dispatcher;
  private final FlushScheduler scheduler;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong invalid = new AtomicLong();
  private final AtomicLong notifications = new AtomicLong();
  private final InstantSource clock;

  private MeshwatchAlertingServer(Dispatcher dispatcher, InstantSource clock) {
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.scheduler = new FlushScheduler(() -> count(dispatcher.flushDue()), dispatcher::nextFlush, clock);
  }

  private int count(int flushed) {
    notifications.addAndGet(flushed);
    return flushed;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = options(args);
    BenchRoutes routes = new BenchRoutes(
        Duration.parse(options.getOrDefault("group-wait", "PT1S")),
        Duration.parse(options.getOrDefault("group-interval", "PT5S")),
        Duration.parse(options.getOrDefault("repeat-interval", "PT1H")));
    URI sink = URI.create(required(options, "sink"));
    InstantSource clock = InstantSource.system();
    Notifier webhook = new WebhookNotifier(sink, URI.create("http://127.0.0.1"), Duration.ofSeconds(10));
    DeliveryCounts counts = new DeliveryCounts();
    // As the collector opens it by default (storage.fsync: none): each record written to the OS, which
    // survives kill -9 of the process; --outbox-fsync true forces each to disk.
    OutboxOptions outboxOptions = OutboxOptions.defaults()
        .withFsync(Boolean.parseBoolean(options.getOrDefault("outbox-fsync", "false")));
    if (options.containsKey("outbox-threads")) {
      outboxOptions = outboxOptions.withThreads(Integer.parseInt(options.get("outbox-threads")));
    }
    Outbox outbox = Outbox.open(Path.of(required(options, "outbox")), outboxOptions,
        receiver -> Optional.of(webhook), clock, counts);
    RouteTree tree = new RouteTree(routes.meshwatch());
    Dispatcher dispatcher = new Dispatcher(alert -> tree.match(alert.labels()), Muting.NONE, clock,
        notification -> enqueue(outbox, notification, counts));
    MeshwatchAlertingServer server = new MeshwatchAlertingServer(dispatcher, clock);
    server.scheduler.start();
    outbox.start();

    ExecutorService http = Executors.newFixedThreadPool(2);
    HttpServer ingress = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(required(options, "port"))), 128);
    ingress.createContext("/api/v2/alerts", server::alerts);
    ingress.createContext("/-/ready", exchange -> respond(exchange, 200, "OK"));
    ingress.setExecutor(http);
    ingress.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ingress.stop(0);
      server.scheduler.close();
      http.shutdownNow();
      outbox.close();
      System.out.println("received " + server.received.get() + " alerts (" + server.invalid.get() + " invalid), "
          + server.notifications.get() + " notifications to the outbox; " + counts);
    }));
    System.out.println("meshwatch alerting listening on 127.0.0.1:" + ingress.getAddress().getPort()
        + " (outbox fsync " + outboxOptions.fsync() + ", " + outboxOptions.threads() + " delivery threads)");
  }

  // The dispatcher hands notifications over one by one while flushing; a log that cannot be written
  // loses this one, counted and reported, and the flush goes on with the others.
  private static void enqueue(Outbox outbox, Notification notification, DeliveryCounts counts) {
    try {
      outbox.enqueue(notification);
    } catch (IOException e) {
      counts.notEnqueued(e);
    }
  }

  private void alerts(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "POST a JSON array of alerts");
        return;
      }
      AlertmanagerApiDecoder.Decoded decoded;
      try {
        decoded = AlertmanagerApiDecoder.decode(body, clock.instant());
      } catch (IOException e) {
        invalid.incrementAndGet();
        respond(exchange, 400, "cannot read alerts: " + e.getMessage());
        return;
      }
      received.addAndGet(decoded.alerts().size());
      invalid.addAndGet(decoded.problems().size());
      dispatcher.accept(decoded.alerts());
      scheduler.changed();
      if (decoded.problems().isEmpty()) {
        respond(exchange, 200, "");
      } else {
        respond(exchange, 400, String.join("\n", decoded.problems()));
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }

  /** What the outbox reported, printed when the server stops. */
  private static final class DeliveryCounts implements DeliveryListener {
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong notEnqueued = new AtomicLong();

    void notEnqueued(IOException e) {
      if (notEnqueued.getAndIncrement() < 10) {
        System.err.println("outbox could not take a notification: " + e);
      }
    }

    @Override
    public void delivered(Notification notification, Duration latency) {
      delivered.incrementAndGet();
    }

    @Override
    public void failed(Notification notification, DeliveryResult result, boolean willRetry) {
      if (failed.getAndIncrement() < 10) {
        System.err.println("delivery failed (retry " + willRetry + "): " + result.error());
      }
    }

    @Override
    public String toString() {
      return "outbox delivered " + delivered.get() + ", failed attempts " + failed.get()
          + ", not enqueued " + notEnqueued.get();
    }
  }
}
