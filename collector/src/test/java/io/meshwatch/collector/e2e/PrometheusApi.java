package io.meshwatch.collector.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small client of Prometheus's HTTP API ({@code /api/v1}): instant queries, active alerts and
 * loaded rules, as typed values. An answer with {@code "status": "error"} becomes a
 * {@link PrometheusException} naming the request and Prometheus's own message.
 */
final class PrometheusApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI base;

  PrometheusApi(URI base) {
    this.base = base;
  }

  /** One series of a query's result: its labels and its value at the query's time. */
  record Series(Map<String, String> labels, double value) {
    Series {
      labels = Map.copyOf(labels);
    }
  }

  /** An active alert: its labels and state ({@code pending} or {@code firing}). */
  record Alert(String name, Map<String, String> labels, String state) {
    Alert {
      labels = Map.copyOf(labels);
    }

    String label(String name) {
      return labels.getOrDefault(name, "");
    }
  }

  /** A loaded rule: {@code alerting} or {@code recording}, its health ({@code ok}, {@code err}, {@code unknown}) and last error. */
  record Rule(String group, String name, String type, String query, String health, String lastError) {}

  /**
   * Runs {@code promql} as an instant query at the server's now.
   *
   * @throws PrometheusException if Prometheus refuses the query (e.g. a parse error) or cannot run it
   */
  List<Series> query(String promql) {
    JsonNode data = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), promql);
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    List<Series> series = new ArrayList<>();
    switch (type) {
      case "vector" -> result.forEach(s -> series.add(new Series(labels(s.path("metric")), value(s.path("value")))));
      // A range selector's samples; the latest counts as the value.
      case "matrix" -> result.forEach(s -> {
        JsonNode values = s.path("values");
        series.add(new Series(labels(s.path("metric")), value(values.get(values.size() - 1))));
      });
      case "scalar", "string" -> series.add(new Series(Map.of(), value(result)));
      default -> throw new PrometheusException(promql, 200, "unexpected", "unknown result type '" + type + "'");
    }
    return series;
  }

  /**
   * Runs {@code promql} as a range query over the last {@code lookBack} at {@code step}, as Grafana
   * does for a time series panel; each series' value is its latest non-NaN point (NaN if none).
   *
   * @throws PrometheusException if Prometheus refuses the query or cannot run it
   */
  List<Series> queryRange(String promql, Duration lookBack, Duration step) {
    long end = System.currentTimeMillis() / 1000;
    long start = end - lookBack.toSeconds();
    JsonNode data = get("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
        + "&start=" + start + "&end=" + end + "&step=" + step.toSeconds(), promql);
    List<Series> series = new ArrayList<>();
    for (JsonNode s : data.path("result")) {
      double latest = Double.NaN;
      for (JsonNode point : s.path("values")) {
        double value = value(point);
        latest = Double.isNaN(value) ? latest : value;
      }
      series.add(new Series(labels(s.path("metric")), latest));
    }
    return series;
  }

  /** Every alert Prometheus holds active (pending or firing). */
  List<Alert> alerts() {
    List<Alert> alerts = new ArrayList<>();
    for (JsonNode alert : get("/api/v1/alerts", "GET /api/v1/alerts").path("alerts")) {
      Map<String, String> labels = labels(alert.path("labels"));
      alerts.add(new Alert(labels.getOrDefault("alertname", ""), labels, alert.path("state").asText()));
    }
    return alerts;
  }

  /** Every rule of every loaded group. */
  List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (JsonNode group : get("/api/v1/rules", "GET /api/v1/rules").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        rules.add(new Rule(group.path("name").asText(), rule.path("name").asText(), rule.path("type").asText(),
            rule.path("query").asText(), rule.path("health").asText(), rule.path("lastError").asText()));
      }
    }
    return rules;
  }

  private JsonNode get(String pathAndQuery, String what) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Prometheus at " + base + " did not answer " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new PrometheusException(what, response.statusCode(), "unparsable", response.body());
    }
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new PrometheusException(what, response.statusCode(), body.path("errorType").asText("unknown"),
          body.path("error").asText(response.body()));
    }
    return body.path("data");
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new TreeMap<>();
    node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  // [timestamp, "value"]; values are strings so that NaN and ±Inf survive JSON.
  private static double value(JsonNode pair) {
    String text = pair.path(1).asText();
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }
}
