package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SignalContract;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any OpenTelemetry SDK can report for a product: not only our agent. */
class OtlpInteropTest {

  private static final String TOKEN = "interop-token";
  private static final ProductId ORDERS = ProductId.parse("interop.orders");
  private static final ProductId REFUNDS = ProductId.parse("interop.refunds");

  private MeshwatchCollector collector;
  private CollectorClient client;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    CollectorConfig config = new CollectorConfig("127.0.0.1", 0, dataDir, null, 1 << 20,
        new CollectorConfig.Evaluation(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(1)), CollectorConfig.Storage.DEFAULTS,
        new Tokens(Set.of(TOKEN), Map.of()));
    collector = MeshwatchCollector.start(config, InstantSource.system());
    collector.catalog().register(product(ORDERS));
    collector.catalog().register(product(REFUNDS));
    client = new CollectorClient(collector.uri());
  }

  @AfterEach
  void stop() {
    collector.close();
  }

  @Test
  void plainSdkExportInProtobuf_landsOnTheNamedProduct() {
    OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder()
        .setEndpoint(collector.uri() + "/v1/metrics")
        .addHeader("Authorization", "Bearer " + TOKEN)
        .build();
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
        AttributeKey.stringKey(SignalContract.RESOURCE_PRODUCT), ORDERS.toString(),
        AttributeKey.stringKey(SignalContract.RESOURCE_SERVICE_NAME), "some-python-like-pipeline")));
    try (SdkMeterProvider provider = SdkMeterProvider.builder()
        .setResource(resource)
        .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
        .build()) {
      LongCounter checks = provider.get("plain-sdk").counterBuilder(SignalContract.QUALITY_CHECKS).build();
      AttributeKey<String> check = AttributeKey.stringKey(SignalContract.ATTR_CHECK);
      AttributeKey<String> outcome = AttributeKey.stringKey(SignalContract.ATTR_OUTCOME);
      checks.add(3, Attributes.of(check, "valid_amount", outcome, SignalContract.OUTCOME_PASS));
      checks.add(1, Attributes.of(check, "valid_amount", outcome, SignalContract.OUTCOME_FAIL));
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> compliance(ORDERS).isPresent());
    assertThat(compliance(ORDERS)).contains(0.75);
    assertThat(compliance(REFUNDS)).isEmpty();
  }

  @Test
  void otlpJsonAsTheSpecificationWritesIt_landsOnTheNamedProduct() {
    long nowNanos = Instant.now().toEpochMilli() * 1_000_000L;
    String body = """
        {"resourceMetrics":[{
          "resource":{"attributes":[{"key":"meshwatch.product","value":{"stringValue":"interop.refunds"}}]},
          "scopeMetrics":[{"scope":{"name":"curl"},"metrics":[{
            "name":"meshwatch.runs","unit":"{run}",
            "sum":{"aggregationTemporality":1,"isMonotonic":true,"dataPoints":[
              {"attributes":[{"key":"meshwatch.run.status","value":{"stringValue":"succeeded"}}],
               "startTimeUnixNano":"%d","timeUnixNano":"%d","asInt":"9"},
              {"attributes":[{"key":"meshwatch.run.status","value":{"stringValue":"failed"}}],
               "startTimeUnixNano":"%d","timeUnixNano":"%d","asInt":"1"}]}}]}]}]}
        """.formatted(nowNanos - 1_000_000_000L, nowNanos, nowNanos - 1_000_000_000L, nowNanos);

    HttpResponse<String> response = client.post("/v1/metrics", "application/json",
        body.getBytes(StandardCharsets.UTF_8), Optional.of(TOKEN));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(runCompliance(REFUNDS)).contains(0.9);
    assertThat(compliance(ORDERS)).isEmpty();
  }

  @Test
  void exportWithSomeBadPoints_keepsTheGoodOnesAndAnswersPartialSuccess() {
    long now = Instant.now().toEpochMilli() * 1_000_000L;
    String resource = """
        {"resource":{"attributes":[{"key":"meshwatch.product","value":{"stringValue":"%s"}}]},
         "scopeMetrics":[{"metrics":[{"name":"meshwatch.runs","sum":{"aggregationTemporality":1,"isMonotonic":true,
           "dataPoints":[{"attributes":[{"key":"meshwatch.run.status","value":{"stringValue":"succeeded"}}],
             "startTimeUnixNano":"%d","timeUnixNano":"%d","asInt":"4"}]}}]}]}
        """;
    String body = "{\"resourceMetrics\":[" + resource.formatted(REFUNDS, now - 1_000_000_000L, now) + ","
        + resource.formatted("interop.unknown", now - 1_000_000_000L, now) + "]}";

    HttpResponse<String> response = client.post("/v1/metrics", "application/json",
        body.getBytes(StandardCharsets.UTF_8), Optional.of(TOKEN));

    assertThat(response.statusCode()).isEqualTo(200);
    var partial = CollectorClient.parse(response.body()).path("partialSuccess");
    assertThat(partial.path("rejectedDataPoints").asLong()).isEqualTo(1);
    assertThat(partial.path("errorMessage").asText()).contains("unknown product 'interop.unknown'");
    assertThat(runCompliance(REFUNDS)).contains(1.0);
  }

  @Test
  void metricsEndpoint_passesPromtoolCheckMetrics() throws IOException, InterruptedException {
    collector.evaluateNow();
    String scrape = client.get("/metrics").body();
    assertThat(scrape).contains("meshwatch_slo_compliance{").contains("meshwatch_ingest_rejected_total{");

    Process promtool = new ProcessBuilder(Peers.promtool(), "check", "metrics").redirectErrorStream(true).start();
    promtool.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
    promtool.getOutputStream().close();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(promtool.exitValue()).as("promtool check metrics said:%n%s", output).isZero();
  }

  private Optional<Double> compliance(ProductId product) {
    return sloCompliance(product, "checks");
  }

  private Optional<Double> runCompliance(ProductId product) {
    return sloCompliance(product, "runs");
  }

  private Optional<Double> sloCompliance(ProductId product, String slo) {
    collector.evaluateNow();
    var node = client.slo(product.toString(), slo).path("compliance");
    return node.isNumber() ? Optional.of(node.asDouble()) : Optional.empty();
  }

  private static DataProduct product(ProductId id) {
    return new DataProduct(id, "interop-team", List.of(), "", List.of(), "1.0.0", List.of(), Links.NONE, List.of(
        new SloSpec("checks", SliKind.QUALITY, null, 99.0, Duration.ofDays(28)),
        new SloSpec("runs", SliKind.RUN_SUCCESS, null, 99.0, Duration.ofDays(28))));
  }
}
