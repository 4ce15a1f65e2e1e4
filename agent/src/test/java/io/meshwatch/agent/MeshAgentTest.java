package io.meshwatch.agent;

import static io.meshwatch.model.SignalContract.*;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeshAgentTest {

  @Nested
  class InMemory {

    private final InMemoryAgent fixture = new InMemoryAgent();

    @AfterEach
    void close() {
      fixture.close();
    }

    @Test
    void collect_everyMetricCarriesTheProductResource() {
      fixture.agent.volume().rowsWritten(1);

      Collection<MetricData> metrics = fixture.collect();

      assertThat(metrics).isNotEmpty().allSatisfy(metric -> assertThat(metric.getResource().getAttributes().asMap())
          .containsEntry(AttributeKey.stringKey(RESOURCE_PRODUCT), "sales.orders")
          .containsEntry(AttributeKey.stringKey(RESOURCE_DOMAIN), "sales")
          .containsEntry(AttributeKey.stringKey(RESOURCE_SERVICE_NAME), "orders-nightly"));
    }

    @Test
    void collect_heartbeatIsInEveryCollectionEvenWithNothingRecorded() {
      for (int i = 0; i < 3; i++) {
        fixture.clock.advance(Duration.ofSeconds(10));
        assertThat(fixture.metric(AGENT_HEARTBEAT))
            .hasUnit(UNIT_ONE)
            .hasLongGaugeSatisfying(gauge -> gauge.hasPointsSatisfying(point -> point.hasValue(1)));
      }
    }

    @Test
    void collect_timestampsComeFromTheInjectedClock() {
      fixture.clock.advance(Duration.ofMinutes(3));
      Instant now = fixture.clock.instant();

      assertThat(fixture.metric(AGENT_HEARTBEAT).getLongGaugeData().getPoints())
          .singleElement()
          .satisfies(point -> assertThat(point.getEpochNanos())
              .isEqualTo(now.getEpochSecond() * 1_000_000_000L + now.getNano()));
    }

    @Test
    void close_isIdempotentAndLaterRecordingIsIgnoredWithoutThrowing() {
      fixture.agent.close();
      fixture.agent.close();

      assertThatCode(() -> {
        fixture.agent.quality().check("orders.late", true, 1, 0);
        fixture.agent.startRun().succeeded();
      }).doesNotThrowAnyException();
    }
  }

  @Nested
  class OverOtlpHttp {

    private static final String TOKEN = "t0ken-for-tests";

    @Test
    void close_flushesPendingDataAsGzippedProtobufWithTheBearerToken() throws IOException {
      try (CollectorStub collector = new CollectorStub(0)) {
        MeshAgent agent = agentFor(collector.endpoint(), Duration.ofHours(1));
        agent.quality().check("orders.amount_positive", false, 40, 3);
        agent.volume().rowsWritten(40);

        agent.close();

        CollectorStub.Received request = collector.lastWith(QUALITY_CHECKS).orElseThrow();
        assertThat(request.path()).isEqualTo("/v1/metrics");
        assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(request.contentType()).isEqualTo("application/x-protobuf");
        assertThat(request.contentEncoding()).isEqualTo("gzip");
        assertThat(request.resource())
            .containsEntry(RESOURCE_PRODUCT, "sales.orders")
            .containsEntry(RESOURCE_DOMAIN, "sales")
            .containsEntry(RESOURCE_SERVICE_NAME, "orders-nightly");
        NumberDataPoint check = request.metric(QUALITY_CHECKS).orElseThrow().getSum().getDataPoints(0);
        assertThat(check.getAsInt()).isEqualTo(1);
        assertThat(check.getAttributesList()).extracting(kv -> kv.getKey() + "=" + kv.getValue().getStringValue())
            .containsExactlyInAnyOrder(ATTR_CHECK + "=orders.amount_positive", ATTR_OUTCOME + "=" + OUTCOME_FAIL);
        assertThat(request.metric(VOLUME_ROWS).orElseThrow().getHistogram().getDataPoints(0).getSum()).isEqualTo(40);
        assertThat(request.metric(AGENT_HEARTBEAT)).isPresent();
      }
    }

    @Test
    void export_everyPeriodicExportCarriesTheHeartbeat() throws IOException {
      try (CollectorStub collector = new CollectorStub(0);
          MeshAgent agent = agentFor(collector.endpoint(), Duration.ofMillis(100))) {
        await().atMost(Duration.ofSeconds(10)).until(() -> collector.received.size() >= 3);

        assertThat(collector.received).allSatisfy(request -> assertThat(request.metric(AGENT_HEARTBEAT)).isPresent());
      }
    }

    @Test
    void unreachableCollector_recordingNeverThrowsAndCloseReturnsInBoundedTime() throws IOException {
      MeshAgent agent = agentFor(URI.create("http://127.0.0.1:" + freePort()), Duration.ofMillis(50));

      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        for (int i = 0; i < 1_000; i++) {
          agent.quality().check("orders.amount_positive", i % 2 == 0, 10, 1);
          agent.usage().read("finance.revenue", true, Duration.ofMillis(i));
          agent.volume().rowsWritten(i);
          agent.freshness().updated();
          agent.startRun().succeeded();
        }
      });
      assertTimeoutPreemptively(MeshAgent.CLOSE_TIMEOUT.plusSeconds(5), agent::close);
      assertThat(agent.droppedRecordings()).isZero();
    }

    @Test
    void unreachableCollector_whatWasRecordedMeanwhileArrivesOnceItIsBack() throws IOException {
      int port = freePort();
      List<LogRecord> exportFailures = new CopyOnWriteArrayList<>();
      Logger exporterLog = Logger.getLogger("io.opentelemetry.exporter");
      Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
          exportFailures.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
      exporterLog.addHandler(capture);
      try (MeshAgent agent = agentFor(URI.create("http://127.0.0.1:" + port), Duration.ofMillis(100))) {
        agent.quality().check("orders.amount_positive", true, 7, 0);
        // An export retries for up to MeshAgentBuilder.EXPORT_TIMEOUT before it is given up and logged.
        await().atMost(Duration.ofSeconds(30)).until(() -> !exportFailures.isEmpty());

        try (CollectorStub collector = new CollectorStub(port)) {
          await().atMost(Duration.ofSeconds(30)).until(() -> collector.lastWith(QUALITY_ROWS_CHECKED).isPresent());

          Metric rows = collector.lastWith(QUALITY_ROWS_CHECKED).orElseThrow().metric(QUALITY_ROWS_CHECKED).orElseThrow();
          assertThat(rows.getSum().getDataPoints(0).getAsInt()).isEqualTo(7);
        }
      } finally {
        exporterLog.removeHandler(capture);
      }
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void throttledExport_isRetriedAfterTheWaitRetryAfterAsks_withoutHoldingUpRecording(int status) throws IOException {
      try (CollectorStub collector = new CollectorStub(0)) {
        collector.refuseNext(status, "2");
        try (MeshAgent agent = agentFor(collector.endpoint(), Duration.ofMillis(100))) {
          agent.quality().check("orders.amount_positive", true, 7, 0);
          await().atMost(Duration.ofSeconds(20)).until(() -> collector.exchanges.size() >= 2);

          assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 1_000; i++) {
              agent.quality().check("orders.amount_positive", true, 7, 0);
            }
          });
        }
        CollectorStub.Exchange refused = collector.exchanges.get(0);
        CollectorStub.Exchange retried = collector.exchanges.get(1);
        assertThat(refused.status()).isEqualTo(status);
        assertThat(retried.status()).isEqualTo(200);
        // A lower bound only: however slow the machine, the retry cannot come earlier than asked.
        assertThat(Duration.ofNanos(retried.arrivedNanos() - refused.answeredNanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(collector.received.get(0).metric(QUALITY_ROWS_CHECKED)).isPresent();
      }
    }

    private MeshAgent agentFor(URI endpoint, Duration interval) {
      return MeshAgent.builder()
          .product("sales.orders")
          .serviceName("orders-nightly")
          .endpoint(endpoint)
          .token(TOKEN)
          .exportInterval(interval)
          .build();
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      }
    }
  }
}
