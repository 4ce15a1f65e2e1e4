package io.meshwatch.collector.ingest;

import static io.meshwatch.model.SignalContract.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpServer;
import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plain OpenTelemetry SDK (not the meshwatch agent) exports over OTLP/HTTP to a JDK HttpServer that
 * keeps the bodies; the decoder turns what it captured into signals for the product the resource names.
 */
class OtlpMetricsDecoderSdkPeerTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final AttributeKey<String> CHECK = AttributeKey.stringKey(ATTR_CHECK);
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(ATTR_OUTCOME);
  private static final AttributeKey<String> CONSUMER = AttributeKey.stringKey(ATTR_CONSUMER);
  private static final AttributeKey<String> STATUS = AttributeKey.stringKey(ATTR_RUN_STATUS);

  private final TestClock clock = new TestClock(Otlp.CLOCK_START);
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/metrics", exchange -> {
      bodies.add(exchange.getRequestBody().readAllBytes());
      contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
      byte[] response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void decodeProtobuf_cumulativeExportsOfAPlainSdkBecomeDeltasOnTheNamedProduct() throws Exception {
    OtlpMetricsDecoder decoder = new OtlpMetricsDecoder(clock, IngestLimits.defaults(), Set.of(ORDERS)::contains);
    try (SdkMeterProvider provider = provider(AggregationTemporalitySelector.alwaysCumulative())) {
      Instruments instruments = new Instruments(provider.get("plain-sdk"));
      instruments.recordOneRun();
      DecodeResult first = decoder.decodeProtobuf(export(provider));

      assertThat(contentTypes).first().isEqualTo("application/x-protobuf");
      assertThat(first.rejections()).as("the SDK's own metrics are ignored, not rejected").isEmpty();
      assertThat(first.signals()).contains(
          new Signal.Heartbeat(ORDERS, clock.instant()),
          new Signal.FreshnessUpdate(ORDERS, clock.instant(), Instant.parse("2026-11-25T09:00:00Z")),
          new Signal.QualityOutcome(ORDERS, clock.instant(), "valid_amount", 3, 1, 1000, 4),
          new Signal.VolumeWritten(ORDERS, clock.instant(), 2, 300),
          new Signal.UsageReads(ORDERS, clock.instant(), "finance.reporting", 1, 1, Duration.ofMillis(750)),
          new Signal.RunsCompleted(ORDERS, clock.instant(), 1, 0, Duration.ofSeconds(42)));

      clock.advance(Duration.ofMinutes(1));
      instruments.checks.add(2, Attributes.of(CHECK, "valid_amount", OUTCOME, OUTCOME_PASS));
      DecodeResult second = decoder.decodeProtobuf(export(provider));

      assertThat(second.signals()).as("only what changed since the first export").contains(
          new Signal.QualityOutcome(ORDERS, clock.instant(), "valid_amount", 2, 0, 0, 0));
      assertThat(second.signals()).noneMatch(s -> s instanceof Signal.VolumeWritten || s instanceof Signal.RunsCompleted
          || s instanceof Signal.UsageReads);
    }
  }

  @Test
  void decodeProtobuf_deltaExportsOfAPlainSdkAreTakenAsTheyAre() throws Exception {
    OtlpMetricsDecoder decoder = new OtlpMetricsDecoder(clock, IngestLimits.defaults(), Set.of(ORDERS)::contains);
    try (SdkMeterProvider provider = provider(AggregationTemporalitySelector.deltaPreferred())) {
      Instruments instruments = new Instruments(provider.get("plain-sdk"));
      instruments.runs.add(2, Attributes.of(STATUS, RUN_FAILED));
      decoder.decodeProtobuf(export(provider));
      clock.advance(Duration.ofMinutes(1));
      instruments.runs.add(1, Attributes.of(STATUS, RUN_FAILED));

      DecodeResult second = decoder.decodeProtobuf(export(provider));

      assertThat(second.signals()).contains(new Signal.RunsCompleted(ORDERS, clock.instant(), 0, 1, Duration.ZERO));
    }
  }

  /**
   * The OTLP HTTP exporter of 1.68 can write JSON only through a package-private {@code exportAsJson()},
   * so the captured protobuf is printed as OTLP/JSON with {@link JsonFormat} and decoded again.
   */
  @Test
  void decodeJson_sameExportAsJsonGivesTheSameSignals() throws Exception {
    byte[] protobuf;
    try (SdkMeterProvider provider = provider(AggregationTemporalitySelector.alwaysCumulative())) {
      new Instruments(provider.get("plain-sdk")).recordOneRun();
      protobuf = export(provider);
    }
    String json = JsonFormat.printer().print(ExportMetricsServiceRequest.parseFrom(protobuf));

    DecodeResult fromJson = newDecoder().decodeJson(json.getBytes(StandardCharsets.UTF_8));
    DecodeResult fromProtobuf = newDecoder().decodeProtobuf(protobuf);

    // Each result can take back what its own decoder advanced: all else is equal.
    assertThat(fromJson).usingRecursiveComparison().ignoringFields("advance").isEqualTo(fromProtobuf);
    assertThat(fromJson.signals()).hasSizeGreaterThanOrEqualTo(6).allMatch(s -> s.product().equals(ORDERS));
  }

  private OtlpMetricsDecoder newDecoder() {
    return new OtlpMetricsDecoder(clock, IngestLimits.defaults(), Set.of(ORDERS)::contains);
  }

  private SdkMeterProvider provider(AggregationTemporalitySelector temporality) {
    OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder()
        .setEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics")
        .setAggregationTemporalitySelector(temporality)
        .build();
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
        AttributeKey.stringKey(RESOURCE_PRODUCT), ORDERS.toString(),
        AttributeKey.stringKey(RESOURCE_SERVICE_NAME), "plain-sdk-pipeline")));
    return SdkMeterProvider.builder()
        .setClock(new SdkClock(clock))
        .setResource(resource)
        .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
        .build();
  }

  /** Flushes the provider and returns the body of the export that carried the contract's metrics. */
  private byte[] export(SdkMeterProvider provider) throws Exception {
    int before = bodies.size();
    assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(bodies.size()).isGreaterThan(before);
    return bodies.get(bodies.size() - 1);
  }

  /** The contract's instruments, created the way any pipeline using a plain SDK would. */
  private static final class Instruments {
    final DoubleGauge freshness;
    final LongCounter checks;
    final LongCounter rowsChecked;
    final LongCounter rowsFailed;
    final LongHistogram volume;
    final LongCounter reads;
    final DoubleHistogram readDuration;
    final LongCounter runs;
    final DoubleHistogram runDuration;

    Instruments(Meter meter) {
      freshness = meter.gaugeBuilder(FRESHNESS_DATA_TIME).setUnit(UNIT_SECONDS).build();
      checks = meter.counterBuilder(QUALITY_CHECKS).build();
      rowsChecked = meter.counterBuilder(QUALITY_ROWS_CHECKED).build();
      rowsFailed = meter.counterBuilder(QUALITY_ROWS_FAILED).build();
      volume = meter.histogramBuilder(VOLUME_ROWS).ofLongs().build();
      reads = meter.counterBuilder(USAGE_READS).build();
      readDuration = meter.histogramBuilder(USAGE_READ_DURATION).setUnit(UNIT_SECONDS).build();
      runs = meter.counterBuilder(RUNS).build();
      runDuration = meter.histogramBuilder(RUN_DURATION).setUnit(UNIT_SECONDS).build();
      meter.gaugeBuilder(AGENT_HEARTBEAT).ofLongs().buildWithCallback(m -> m.record(1));
    }

    void recordOneRun() {
      freshness.set(Instant.parse("2026-11-25T09:00:00Z").getEpochSecond());
      checks.add(3, Attributes.of(CHECK, "valid_amount", OUTCOME, OUTCOME_PASS));
      checks.add(1, Attributes.of(CHECK, "valid_amount", OUTCOME, OUTCOME_FAIL));
      rowsChecked.add(1000, Attributes.of(CHECK, "valid_amount"));
      rowsFailed.add(4, Attributes.of(CHECK, "valid_amount"));
      volume.record(100);
      volume.record(200);
      reads.add(1, Attributes.of(CONSUMER, "finance.reporting", OUTCOME, OUTCOME_SUCCESS));
      reads.add(1, Attributes.of(CONSUMER, "finance.reporting", OUTCOME, OUTCOME_FAILURE));
      readDuration.record(0.5, Attributes.of(CONSUMER, "finance.reporting"));
      readDuration.record(0.25, Attributes.of(CONSUMER, "finance.reporting"));
      runs.add(1, Attributes.of(STATUS, RUN_SUCCEEDED));
      runDuration.record(42, Attributes.of(STATUS, RUN_SUCCEEDED));
    }
  }

  /** The SDK reads the same fake clock as the decoder, so point times and "now" agree. */
  private record SdkClock(TestClock clock) implements Clock {
    @Override
    public long now() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public long nanoTime() {
      return now();
    }
  }
}
