package io.meshwatch.bench.alerting;

import io.meshwatch.bench.alerting.AlertFleet.LoadAlert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts alerts to {@code POST /api/v2/alerts} as JSON arrays of {@code batchSize}, one request after
 * the other on one connection, paced to {@code perSecond} (0: as fast as the server answers), as a
 * Prometheus server sends its alerts. Remembers when each alert's request was sent: an alert fires at
 * the server no earlier than that.
 */
final class AlertLoad {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI alertsUrl;
  private final int batchSize;
  private final int perSecond;

  AlertLoad(URI baseUrl, int batchSize, int perSecond) {
    this.alertsUrl = baseUrl.resolve("/api/v2/alerts");
    this.batchSize = batchSize;
    this.perSecond = perSecond;
  }

  /** What a load did: when each alert was sent ({@link System#nanoTime()}), and when the last answer came. */
  record Posted(Map<String, Long> sentNanos, long firstSentNanos, long lastAnsweredNanos) {
    Duration duration() {
      return Duration.ofNanos(lastAnsweredNanos - firstSentNanos);
    }
  }

  Posted post(List<LoadAlert> alerts) throws IOException, InterruptedException {
    Map<String, Long> sent = new HashMap<>(alerts.size() * 2);
    long start = System.nanoTime();
    long nanosPerBatch = perSecond == 0 ? 0 : 1_000_000_000L * batchSize / perSecond;
    for (int from = 0, batch = 0; from < alerts.size(); from += batchSize, batch++) {
      long due = start + batch * nanosPerBatch;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      List<LoadAlert> slice = alerts.subList(from, Math.min(alerts.size(), from + batchSize));
      long sentAt = System.nanoTime();
      String body = json(slice, Instant.now());
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(alertsUrl).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("POST " + alertsUrl + " answered " + response.statusCode() + ": " + response.body());
      }
      for (LoadAlert alert : slice) {
        sent.put(alert.key(), sentAt);
      }
    }
    return new Posted(sent, start, System.nanoTime());
  }

  static String json(List<LoadAlert> alerts, Instant startsAt) {
    StringBuilder json = new StringBuilder(alerts.size() * 360).append('[');
    String starts = startsAt.toString();
    for (LoadAlert alert : alerts) {
      json.append(json.length() == 1 ? "" : ",").append("{\"labels\":{");
      boolean first = true;
      for (Map.Entry<String, String> label : alert.labels().entrySet()) {
        json.append(first ? "" : ",");
        string(json, label.getKey()).append(':');
        string(json, label.getValue());
        first = false;
      }
      json.append("},\"annotations\":{\"summary\":");
      string(json, alert.summary()).append("},\"startsAt\":\"").append(starts)
          .append("\",\"generatorURL\":\"http://127.0.0.1/bench\"}");
    }
    return json.append(']').toString();
  }

  private static StringBuilder string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"');
  }
}
