package io.meshwatch.dashboards.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Grafana's HTTP API as JSON requests and answers. Every request carries the Bearer token; a 401 or
 * 403 anywhere means the token is refused and ends the push, since every later request would be
 * refused too. Other statuses are returned for the caller to judge.
 */
final class GrafanaApi {
  static final ObjectMapper JSON = new ObjectMapper();

  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** Grafana's {@code message} field, else the raw body's start. */
    String message() {
      JsonNode message = body.path("message");
      return message.isTextual() ? message.asText() : body.isMissingNode() ? "(no body)" : body.toString();
    }
  }

  private final String base;
  private final String token;
  private final HttpClient client;
  private final Duration timeout;

  GrafanaApi(URI grafanaUrl, String token, HttpClient client, Duration timeout) {
    String url = grafanaUrl.toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.token = token;
    this.client = client;
    this.timeout = timeout;
  }

  String url() {
    return base;
  }

  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  Answer get(String path) throws GrafanaPushException {
    return send("GET", path, request(path).GET());
  }

  Answer post(String path, Object body) throws GrafanaPushException {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the request body of POST " + path, e);
    }
    return send("POST", path, request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private Answer send(String method, String path, HttpRequest.Builder request) throws GrafanaPushException {
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw new GrafanaPushException("cannot connect to Grafana at " + base + " (" + describe(e) + ")", e);
    } catch (HttpTimeoutException e) {
      throw new GrafanaPushException("Grafana at " + base + " did not answer " + method + " " + path + " within "
          + timeout.toSeconds() + "s", e);
    } catch (IOException e) {
      throw new GrafanaPushException("cannot talk to Grafana at " + base + " (" + method + " " + path + ": "
          + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GrafanaPushException("interrupted while pushing to Grafana at " + base, e);
    }
    Answer answer = new Answer(response.statusCode(), parse(response.body()));
    if (answer.status() == 401 || answer.status() == 403) {
      throw new GrafanaPushException("Grafana refused the token (HTTP " + answer.status() + " on " + method + " "
          + base + path + ": " + answer.message() + "); check --token: a service account token with the Editor role"
          + " (or dashboards and folders write permissions)", answer.status());
    }
    return answer;
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      // A proxy in front of Grafana may answer with HTML; keep its start for the message.
      String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
      return JSON.createObjectNode().put("message", text.strip());
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null && e.getCause() != null) {
      message = e.getCause().getMessage();
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
