package io.meshwatch.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertCondition;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.model.ProductId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Instant STARTS = Instant.parse("2025-03-01T10:02:00Z");
  private static final URI EXTERNAL = URI.create("http://meshwatch.example.com:8080/");

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private HttpServer server;
  private volatile int status = 200;
  private volatile String responseBody = "";

  record Received(String method, String contentType, String body) {}

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      respond(exchange, status, responseBody);
    });
    server.createContext("/slow", exchange -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(exchange, 200, "");
    });
    server.setExecutor(handlers);
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    release.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  @Test
  void send_postsAlertmanagerWebhookJson() throws InterruptedException {
    Alert firing = new Alert("a9eca24976ecb8cf", ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE, AlertState.FIRING,
        Map.of("alertname", "MeshwatchErrorBudgetBurn", "product", "sales.orders", "severity", "page", "slo", "fresh"),
        Map.of("summary", "sales.orders: \"fresh\" burns\nfast", "runbook_url", "https://rb.example.com/ä"),
        STARTS.minusSeconds(120), STARTS, null);
    Alert resolved = new Alert("0123456789abcdef", ORDERS, "quality", AlertCondition.BURN_RATE_PAGE, AlertState.RESOLVED,
        Map.of("alertname", "MeshwatchErrorBudgetBurn", "product", "sales.orders", "severity", "page", "slo", "quality"),
        Map.of("summary", "quality", "runbook_url", "https://rb.example.com/ä"),
        STARTS, STARTS, STARTS.plusSeconds(600));
    Notification notification = new Notification("sales-oncall", Map.of("product", "sales.orders"), List.of(firing, resolved));

    DeliveryResult result = notifier("/hook", Duration.ofSeconds(5)).send(notification);

    assertThat(result).isEqualTo(DeliveryResult.delivered(200));
    Received request = received.poll(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.body()).isEqualTo("{"
        + "\"version\":\"4\","
        + "\"groupKey\":\"sales-oncall:{product=\\\"sales.orders\\\"}\","
        + "\"truncatedAlerts\":0,"
        + "\"status\":\"firing\","
        + "\"receiver\":\"sales-oncall\","
        + "\"groupLabels\":{\"product\":\"sales.orders\"},"
        + "\"commonLabels\":{\"alertname\":\"MeshwatchErrorBudgetBurn\",\"product\":\"sales.orders\",\"severity\":\"page\"},"
        + "\"commonAnnotations\":{\"runbook_url\":\"https://rb.example.com/ä\"},"
        + "\"externalURL\":\"http://meshwatch.example.com:8080\","
        + "\"alerts\":["
        + "{\"status\":\"firing\","
        + "\"labels\":{\"alertname\":\"MeshwatchErrorBudgetBurn\",\"product\":\"sales.orders\",\"severity\":\"page\",\"slo\":\"fresh\"},"
        + "\"annotations\":{\"runbook_url\":\"https://rb.example.com/ä\",\"summary\":\"sales.orders: \\\"fresh\\\" burns\\nfast\"},"
        + "\"startsAt\":\"2025-03-01T10:02:00Z\","
        + "\"endsAt\":\"0001-01-01T00:00:00Z\","
        + "\"generatorURL\":\"http://meshwatch.example.com:8080/products/sales.orders\","
        + "\"fingerprint\":\"a9eca24976ecb8cf\"},"
        + "{\"status\":\"resolved\","
        + "\"labels\":{\"alertname\":\"MeshwatchErrorBudgetBurn\",\"product\":\"sales.orders\",\"severity\":\"page\",\"slo\":\"quality\"},"
        + "\"annotations\":{\"runbook_url\":\"https://rb.example.com/ä\",\"summary\":\"quality\"},"
        + "\"startsAt\":\"2025-03-01T10:02:00Z\","
        + "\"endsAt\":\"2025-03-01T10:12:00Z\","
        + "\"generatorURL\":\"http://meshwatch.example.com:8080/products/sales.orders\","
        + "\"fingerprint\":\"0123456789abcdef\"}"
        + "]}");
  }

  @Test
  void send_serverErrorIsARetryableFailure() {
    status = 500;
    responseBody = "database down";

    DeliveryResult result = notifier("/hook", Duration.ofSeconds(5)).send(notification());

    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).isTrue();
    assertThat(result.statusCode()).isEqualTo(500);
    assertThat(result.error()).isEqualTo("HTTP 500: database down");
  }

  @Test
  void send_tooManyRequestsIsRetryable() {
    status = 429;

    assertThat(notifier("/hook", Duration.ofSeconds(5)).send(notification()).retryable()).isTrue();
  }

  @Test
  void send_badRequestIsAFailureNotWorthRetrying() {
    status = 400;
    responseBody = "unknown field";

    DeliveryResult result = notifier("/hook", Duration.ofSeconds(5)).send(notification());

    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).isFalse();
    assertThat(result.statusCode()).isEqualTo(400);
    assertThat(result.error()).contains("unknown field");
  }

  @Test
  void send_timeoutIsARetryableFailure() {
    DeliveryResult result = notifier("/slow", Duration.ofMillis(300)).send(notification());

    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).isTrue();
    assertThat(result.statusCode()).isZero();
    assertThat(result.error()).contains("within PT0.3S");
  }

  @Test
  void send_refusedConnectionIsARetryableFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    WebhookNotifier notifier = new WebhookNotifier(
        URI.create("http://127.0.0.1:" + closedPort + "/hook"), EXTERNAL, Duration.ofSeconds(5));

    DeliveryResult result = notifier.send(notification());

    assertThat(result.delivered()).isFalse();
    assertThat(result.retryable()).isTrue();
    assertThat(result.error()).contains("cannot reach");
  }

  private WebhookNotifier notifier(String path, Duration timeout) {
    return new WebhookNotifier(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), EXTERNAL, timeout);
  }

  private static Notification notification() {
    Alert alert = new Alert("a9eca24976ecb8cf", ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE, AlertState.FIRING,
        Map.of("alertname", "MeshwatchErrorBudgetBurn"), Map.of(), STARTS, STARTS, null);
    return new Notification("sales-oncall", Map.of(), List.of(alert));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
