package io.meshwatch.collector.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a fake Prometheus answering as Prometheus 2.42 documents its API. */
class PrometheusApiTest {

  private HttpServer server;
  private PrometheusApi api;
  private final AtomicReference<String> lastQuery = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String body = "";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String raw = exchange.getRequestURI().getRawQuery();
      lastQuery.set(raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    api = new PrometheusApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void query_vectorBecomesSeriesWithLabelsAndValues() {
    body = """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"meshwatch_slo_sli","product":"sales.orders"},"value":[1700000000.1,"0.995"]},
          {"metric":{"product":"sales.returns"},"value":[1700000000.1,"NaN"]}]}}
        """;

    List<PrometheusApi.Series> series = api.query("meshwatch_slo_sli{product=~\"sales.+\"}");

    assertThat(lastQuery.get()).isEqualTo("query=meshwatch_slo_sli{product=~\"sales.+\"}");
    assertThat(series).hasSize(2);
    assertThat(series.get(0).labels()).containsEntry("product", "sales.orders");
    assertThat(series.get(0).value()).isEqualTo(0.995);
    assertThat(series.get(1).value()).isNaN();
  }

  @Test
  void query_refusedQueryThrowsNamingTheQueryAndPrometheusMessage() {
    status = 400;
    body = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected end of input\"}";

    PrometheusException e = catchThrowableOfType(PrometheusException.class, () -> api.query("sum("));

    assertThat(e.badQuery()).isTrue();
    assertThat(e.getMessage()).contains("sum(", "HTTP 400", "bad_data", "parse error: unexpected end of input");
  }

  @Test
  void query_unavailablePrometheusIsNotABadQuery() {
    status = 503;
    body = "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"not ready\"}";

    assertThat(catchThrowableOfType(PrometheusException.class, () -> api.query("up")).badQuery()).isFalse();
  }

  @Test
  void alerts_carryNameLabelsAndState() {
    body = """
        {"status":"success","data":{"alerts":[{"labels":{"alertname":"MeshwatchSloBreaching","product":"sales.orders",
          "slo":"fresh"},"annotations":{},"state":"pending","activeAt":"2024-01-01T00:00:00Z","value":"1e+00"}]}}
        """;

    assertThat(api.alerts()).containsExactly(new PrometheusApi.Alert("MeshwatchSloBreaching",
        Map.of("alertname", "MeshwatchSloBreaching", "product", "sales.orders", "slo", "fresh"), "pending"));
  }

  @Test
  void rules_everyRuleOfEveryGroup() {
    body = """
        {"status":"success","data":{"groups":[{"name":"meshwatch-sales","file":"f.yml","interval":1,"rules":[
          {"name":"product:x:max","query":"max(x)","health":"ok","lastError":"","type":"recording"},
          {"name":"MeshwatchSloBreaching","query":"y == 1","health":"err","lastError":"boom","type":"alerting",
           "state":"inactive","alerts":[]}]}]}}
        """;

    assertThat(api.rules()).containsExactly(
        new PrometheusApi.Rule("meshwatch-sales", "product:x:max", "recording", "max(x)", "ok", ""),
        new PrometheusApi.Rule("meshwatch-sales", "MeshwatchSloBreaching", "alerting", "y == 1", "err", "boom"));
  }
}
