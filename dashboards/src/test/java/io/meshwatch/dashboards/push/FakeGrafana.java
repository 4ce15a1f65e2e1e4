package io.meshwatch.dashboards.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for Grafana's HTTP API on 127.0.0.1: answers health, folder and dashboard requests as
 * Grafana's API documentation shows them, and records every request. A request that breaks the
 * documented contract (wrong method, missing Bearer token, wrong content type, a body field missing
 * or of the wrong type) is answered 400 and listed in {@link #violations()}.
 */
final class FakeGrafana implements AutoCloseable {
  static final String TOKEN = "glsa_meshwatch_test";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Request(String method, String path, JsonNode body) {}

  record Stored(ObjectNode dashboard, String folderUid) {}

  private final HttpServer server;
  final List<Request> requests = new ArrayList<>();
  final List<String> violations = new ArrayList<>();
  final Map<String, String> folders = new LinkedHashMap<>();
  final Map<String, Stored> dashboards = new LinkedHashMap<>();
  final Set<String> nameClashes = new HashSet<>();
  final Set<String> folderConflicts = new HashSet<>();
  volatile String version = "11.3.1";

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits for the
    // client's delayed ACK (~40 ms). Read once per JVM, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  FakeGrafana() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  synchronized List<Request> requests(String method, String pathPrefix) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
      requests.add(new Request(method, path, body));
      if (!path.equals("/api/health")
          && !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "{\"message\":\"invalid API key\"}");
        return;
      }
      if (method.equals("POST")
          && !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        violation(exchange, "POST " + path + " without Content-Type: application/json");
        return;
      }
      if (method.equals("GET") && path.equals("/api/health")) {
        answer(exchange, 200, "{\"commit\":\"abc123\",\"database\":\"ok\",\"version\":\"" + version + "\"}");
      } else if (method.equals("GET") && path.startsWith("/api/folders/")) {
        getFolder(exchange, path.substring("/api/folders/".length()));
      } else if (method.equals("POST") && path.equals("/api/folders")) {
        createFolder(exchange, body);
      } else if (method.equals("GET") && path.startsWith("/api/dashboards/uid/")) {
        getDashboard(exchange, path.substring("/api/dashboards/uid/".length()));
      } else if (method.equals("POST") && path.equals("/api/dashboards/db")) {
        saveDashboard(exchange, body);
      } else {
        violation(exchange, "unexpected " + method + " " + path);
      }
    }
  }

  private void getFolder(HttpExchange exchange, String uid) throws IOException {
    String title = folders.get(uid);
    if (title == null) {
      answer(exchange, 404, "{\"message\":\"folder not found\",\"status\":\"not-found\"}");
    } else {
      answer(exchange, 200, folderJson(uid, title));
    }
  }

  private void createFolder(HttpExchange exchange, JsonNode body) throws IOException {
    if (!body.isObject() || !body.path("uid").isTextual() || !body.path("title").isTextual() || body.size() != 2) {
      violation(exchange, "POST /api/folders body must be {\"uid\", \"title\"}, got " + body);
      return;
    }
    String uid = body.get("uid").asText();
    if (folderConflicts.contains(uid)) {
      answer(exchange, 409, "{\"message\":\"a folder with the same name already exists\"}");
      return;
    }
    folders.put(uid, body.get("title").asText());
    answer(exchange, 200, folderJson(uid, body.get("title").asText()));
  }

  private void getDashboard(HttpExchange exchange, String uid) throws IOException {
    Stored stored = dashboards.get(uid);
    if (stored == null) {
      answer(exchange, 404, "{\"message\":\"Dashboard not found\"}");
      return;
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.set("dashboard", stored.dashboard());
    answer.putObject("meta").put("folderUid", stored.folderUid()).put("url", "/d/" + uid).put("canSave", true);
    answer(exchange, 200, answer.toString());
  }

  private void saveDashboard(HttpExchange exchange, JsonNode body) throws IOException {
    JsonNode dashboard = body.path("dashboard");
    List<String> problems = new ArrayList<>();
    if (!dashboard.isObject()) {
      problems.add("dashboard must be an object");
    } else {
      if (!dashboard.has("id") || !dashboard.get("id").isNull()) {
        problems.add("dashboard.id must be null to save by uid");
      }
      if (!dashboard.path("uid").isTextual() || !dashboard.path("title").isTextual()) {
        problems.add("dashboard needs uid and title");
      }
    }
    if (!body.path("folderUid").isTextual() || !folders.containsKey(body.path("folderUid").asText())) {
      problems.add("folderUid must name an existing folder, got " + body.path("folderUid"));
    }
    if (!body.path("overwrite").isBoolean() || !body.path("message").isTextual()) {
      problems.add("overwrite must be a boolean and message a string");
    }
    if (!problems.isEmpty()) {
      violation(exchange, "POST /api/dashboards/db: " + String.join("; ", problems));
      return;
    }
    String uid = dashboard.get("uid").asText();
    if (nameClashes.contains(uid)) {
      answer(exchange, 412,
          "{\"message\":\"A dashboard with the same name in the folder already exists\",\"status\":\"name-exists\"}");
      return;
    }
    Stored previous = dashboards.get(uid);
    int version = previous == null ? 1 : previous.dashboard().path("version").asInt() + 1;
    ObjectNode stored = ((ObjectNode) dashboard).deepCopy();
    stored.put("id", 17).put("version", version);
    dashboards.put(uid, new Stored(stored, body.get("folderUid").asText()));
    answer(exchange, 200, "{\"id\":17,\"uid\":\"" + uid + "\",\"url\":\"/d/" + uid + "/x\",\"status\":\"success\","
        + "\"version\":" + version + ",\"slug\":\"x\"}");
  }

  private static String folderJson(String uid, String title) {
    return JSON.createObjectNode().put("id", 3).put("uid", uid).put("title", title)
        .put("url", "/dashboards/f/" + uid + "/").put("version", 1).toString();
  }

  private void violation(HttpExchange exchange, String what) throws IOException {
    violations.add(what);
    answer(exchange, 400, JSON.createObjectNode().put("message", what).toString());
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
