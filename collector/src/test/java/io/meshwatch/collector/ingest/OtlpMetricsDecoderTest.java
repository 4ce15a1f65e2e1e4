package io.meshwatch.collector.ingest;

import static io.meshwatch.collector.ingest.Otlp.*;
import static io.meshwatch.model.SignalContract.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each contract instrument becomes the right signal, in delta and cumulative temporality. */
class OtlpMetricsDecoderTest {

  static final ProductId ORDERS = ProductId.parse("sales.orders");
  static final ProductId REFUNDS = ProductId.parse("sales.refunds");

  private final TestClock clock = new TestClock(Otlp.CLOCK_START);
  private final OtlpMetricsDecoder decoder = new OtlpMetricsDecoder(clock, IngestLimits.defaults(), Set.of(ORDERS, REFUNDS)::contains);

  @Test
  void decode_freshnessGaugeBecomesFreshnessUpdateNextToTheHeartbeat() {
    Instant dataTime = Instant.parse("2026-11-25T09:30:00.250Z");

    DecodeResult result = decoder.decode(request(resource("sales.orders",
        gauge(FRESHNESS_DATA_TIME, value(dataTime.getEpochSecond() + 0.25)))));

    assertThat(result.signals()).containsExactly(
        new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START),
        new Signal.FreshnessUpdate(ORDERS, AT, dataTime));
    assertThat(result.acceptedPoints()).isEqualTo(1);
    assertThat(result.rejectedPoints()).isZero();
  }

  @Test
  void decode_freshnessAsIntegerGaugeKeepsTheNewestDataTime() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        gauge(FRESHNESS_DATA_TIME, count(1_795_000_000L), count(1_795_000_100L), count(1_795_000_050L)))));

    assertThat(result.signals()).contains(new Signal.FreshnessUpdate(ORDERS, AT, Instant.ofEpochSecond(1_795_000_100L)));
    assertThat(result.acceptedPoints()).isEqualTo(3);
  }

  @Test
  void decode_qualityCountersBecomeOneOutcomePerCheck() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        sum(QUALITY_CHECKS, DELTA,
            count(3, attr(ATTR_CHECK, "not_null_email"), attr(ATTR_OUTCOME, OUTCOME_PASS)),
            count(1, attr(ATTR_CHECK, "not_null_email"), attr(ATTR_OUTCOME, OUTCOME_FAIL)),
            count(2, attr(ATTR_CHECK, "unique_id"), attr(ATTR_OUTCOME, OUTCOME_PASS))),
        sum(QUALITY_ROWS_CHECKED, DELTA, count(4000, attr(ATTR_CHECK, "not_null_email"))),
        sum(QUALITY_ROWS_FAILED, DELTA, count(7, attr(ATTR_CHECK, "not_null_email"))))));

    assertThat(result.signals()).containsExactly(
        new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START),
        new Signal.QualityOutcome(ORDERS, AT, "not_null_email", 3, 1, 4000, 7),
        new Signal.QualityOutcome(ORDERS, AT, "unique_id", 2, 0, 0, 0));
    assertThat(result.acceptedPoints()).isEqualTo(5);
  }

  @Test
  void decode_volumeHistogramBecomesRunsAndRows() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        histogram(VOLUME_ROWS, DELTA, histogramPoint(2, 24_690)))));

    assertThat(result.signals()).contains(new Signal.VolumeWritten(ORDERS, AT, 2, 24_690));
  }

  @Test
  void decode_usageReadsAndLatencyBecomeReadsPerConsumer() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        sum(USAGE_READS, DELTA,
            count(9, attr(ATTR_CONSUMER, "finance.reporting"), attr(ATTR_OUTCOME, OUTCOME_SUCCESS)),
            count(1, attr(ATTR_CONSUMER, "finance.reporting"), attr(ATTR_OUTCOME, OUTCOME_FAILURE)),
            count(4, attr(ATTR_CONSUMER, "ml.features"), attr(ATTR_OUTCOME, OUTCOME_SUCCESS))),
        histogram(USAGE_READ_DURATION, DELTA,
            histogramPoint(10, 1.5, attr(ATTR_CONSUMER, "finance.reporting")),
            histogramPoint(4, 0.25, attr(ATTR_CONSUMER, "ml.features"))))));

    assertThat(result.signals()).containsExactly(
        new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START),
        new Signal.UsageReads(ORDERS, AT, "finance.reporting", 9, 1, Duration.ofMillis(1500)),
        new Signal.UsageReads(ORDERS, AT, "ml.features", 4, 0, Duration.ofMillis(250)));
  }

  @Test
  void decode_runsAndDurationBecomeRunsCompleted() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        sum(RUNS, DELTA, count(4, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)), count(1, attr(ATTR_RUN_STATUS, RUN_FAILED))),
        histogram(RUN_DURATION, DELTA,
            histogramPoint(4, 170, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)),
            histogramPoint(1, 12.5, attr(ATTR_RUN_STATUS, RUN_FAILED))))));

    assertThat(result.signals()).containsExactly(
        new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START),
        new Signal.RunsCompleted(ORDERS, AT, 4, 1, Duration.ofMillis(182_500)));
    assertThat(result.acceptedPoints()).isEqualTo(4);
  }

  @Test
  void decode_heartbeatGaugeIsAcceptedWithoutAnotherSignal() {
    DecodeResult result = decoder.decode(request(resource("sales.orders", gauge(AGENT_HEARTBEAT, count(1)))));

    assertThat(result.signals()).containsExactly(new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START));
    assertThat(result.acceptedPoints()).isEqualTo(1);
  }

  @Test
  void decode_metricsOutsideTheContractAreIgnoredNotCounted() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        histogram("otel.sdk.metric_reader.collection.duration", CUMULATIVE, histogramPoint(1, -1)),
        gauge("jvm.memory.used", value(Double.NaN)))));

    assertThat(result.signals()).containsExactly(new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START));
    assertThat(result.acceptedPoints()).isZero();
    assertThat(result.rejectedPoints()).isZero();
    assertThat(result.rejections()).isEmpty();
  }

  @Test
  void decode_pointWithoutTimeIsObservedNow() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        sum(RUNS, DELTA, count(1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)).toBuilder().setTimeUnixNano(0).build()))));

    assertThat(result.signals()).contains(new Signal.RunsCompleted(ORDERS, Otlp.CLOCK_START, 1, 0, Duration.ZERO));
  }

  @Test
  void decode_eachProductGetsItsOwnSignalsAndOneHeartbeat() {
    DecodeResult result = decoder.decode(request(
        resource("sales.orders", sum(RUNS, DELTA, count(1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)))),
        resource("sales.refunds", sum(RUNS, DELTA, count(2, attr(ATTR_RUN_STATUS, RUN_FAILED)))),
        resource("sales.orders", sum(RUNS, DELTA, count(3, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED))))));

    assertThat(result.signals()).containsExactly(
        new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START),
        new Signal.RunsCompleted(ORDERS, AT, 4, 0, Duration.ZERO),
        new Signal.Heartbeat(REFUNDS, Otlp.CLOCK_START),
        new Signal.RunsCompleted(REFUNDS, AT, 0, 2, Duration.ZERO));
  }

  @Test
  void decode_zeroDeltasAreAcceptedButMakeNoSignal() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        sum(QUALITY_CHECKS, DELTA, count(0, attr(ATTR_CHECK, "c"), attr(ATTR_OUTCOME, OUTCOME_PASS))),
        histogram(VOLUME_ROWS, DELTA, histogramPoint(0, 0)))));

    assertThat(result.signals()).containsExactly(new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START));
    assertThat(result.acceptedPoints()).isEqualTo(2);
  }

  @Test
  void decode_deltaPointsAreTakenAsTheyAre() {
    assertThat(runs(decoder.decode(request(resource("sales.orders", runsPoint(DELTA, 3)))))).isEqualTo(3);
    assertThat(runs(decoder.decode(request(resource("sales.orders", runsPoint(DELTA, 2)))))).isEqualTo(2);
  }

  @Test
  void decode_cumulativePointsBecomeDeltasWithResets() {
    assertThat(runs(decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 3)))))).as("first sighting").isEqualTo(3);
    assertThat(runs(decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 5)))))).isEqualTo(2);
    assertThat(runs(decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 5)))))).as("unchanged").isZero();
    assertThat(runs(decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 1)))))).as("dropped: reset").isEqualTo(1);

    Metric restarted = sum(RUNS, CUMULATIVE, count(4, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)).toBuilder()
        .setStartTimeUnixNano(nanos(Otlp.CLOCK_START.minusSeconds(30))).build());
    assertThat(runs(decoder.decode(request(resource("sales.orders", restarted))))).as("new start time").isEqualTo(4);
  }

  @Test
  void undo_readingsWhoseSignalsWereNotRecorded_countAgainWhenTheClientSendsThemAgain() {
    decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 3))));
    DecodeResult refused = decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 5),
        sum(QUALITY_CHECKS, CUMULATIVE, count(4, attr(ATTR_CHECK, "new"), attr(ATTR_OUTCOME, OUTCOME_PASS))))));
    assertThat(runs(refused)).isEqualTo(2);

    refused.undo(); // the journal could not take them: answered 503

    DecodeResult retried = decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 5),
        sum(QUALITY_CHECKS, CUMULATIVE, count(4, attr(ATTR_CHECK, "new"), attr(ATTR_OUTCOME, OUTCOME_PASS))))));
    assertThat(runs(retried)).as("the retry counts what the refused request would have").isEqualTo(2);
    assertThat(retried.signals()).contains(new Signal.QualityOutcome(ORDERS, AT, "new", 4, 0, 0, 0));
    retried.undo();
    retried.undo();
    assertThat(runs(decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 6)))))).isEqualTo(3);
  }

  @Test
  void undo_keepsWhatALaterRequestAdvancedSince() {
    decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 3))));
    DecodeResult refused = decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 5))));
    DecodeResult later = decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 7))));
    assertThat(runs(later)).isEqualTo(2);

    refused.undo();

    assertThat(runs(decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 8)))))).isEqualTo(1);
  }

  @Test
  void decode_cumulativeHistogramBecomesDeltaOfCountAndSum() {
    decoder.decode(request(resource("sales.orders", histogram(VOLUME_ROWS, CUMULATIVE, histogramPoint(2, 100)))));

    DecodeResult result = decoder.decode(request(resource("sales.orders", histogram(VOLUME_ROWS, CUMULATIVE, histogramPoint(3, 180)))));

    assertThat(result.signals()).contains(new Signal.VolumeWritten(ORDERS, AT, 1, 80));
  }

  @Test
  void decode_cumulativeSeriesIdleLongerThanTheTimeoutIsForgottenAndCountsWholeAgain() {
    decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 10))));
    clock.advance(IngestLimits.defaults().seriesIdleTimeout().plusSeconds(1));

    DecodeResult result = decoder.decode(request(resource("sales.orders", runsPointAt(CUMULATIVE, 12, clock.instant()))));

    assertThat(runs(result)).isEqualTo(12);
  }

  @Test
  void decode_cumulativeSeriesAreKeptApartByServiceAndProduct() {
    decoder.decode(request(resource("sales.orders", runsPoint(CUMULATIVE, 10))));

    assertThat(runs(decoder.decode(request(resource("sales.refunds", runsPoint(CUMULATIVE, 12)))))).isEqualTo(12);
  }

  @Test
  void decode_exponentialHistogramIsReadLikeAHistogram() {
    Metric volume = Metric.newBuilder().setName(VOLUME_ROWS).setExponentialHistogram(ExponentialHistogram.newBuilder()
        .setAggregationTemporality(DELTA)
        .addDataPoints(ExponentialHistogramDataPoint.newBuilder()
            .setStartTimeUnixNano(nanos(START)).setTimeUnixNano(nanos(AT)).setCount(3).setSum(300).setScale(2)))
        .build();

    assertThat(decoder.decode(request(resource("sales.orders", volume))).signals())
        .contains(new Signal.VolumeWritten(ORDERS, AT, 3, 300));
  }

  @Test
  void decode_pointsFlaggedWithoutRecordedValueAreSkipped() {
    Metric stale = sum(RUNS, DELTA, count(0, attr(ATTR_RUN_STATUS, "no-status")).toBuilder()
        .setFlags(DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE).build());

    DecodeResult result = decoder.decode(request(resource("sales.orders", stale)));

    assertThat(result.acceptedPoints()).isZero();
    assertThat(result.rejectedPoints()).isZero();
  }

  @Test
  void decodeJsonAndDecodeProtobuf_giveEqualResultsForTheSameRequest() throws Exception {
    ExportMetricsServiceRequest request = everySignal();
    OtlpMetricsDecoder viaJson = new OtlpMetricsDecoder(clock, IngestLimits.defaults(), Set.of(ORDERS)::contains);
    OtlpMetricsDecoder viaProtobuf = new OtlpMetricsDecoder(clock, IngestLimits.defaults(), Set.of(ORDERS)::contains);

    DecodeResult fromJson = viaJson.decodeJson(JsonFormat.printer().print(request).getBytes(StandardCharsets.UTF_8));
    DecodeResult fromProtobuf = viaProtobuf.decodeProtobuf(request.toByteArray());

    // Each result can take back what its own decoder advanced: all else is equal.
    assertThat(fromJson).usingRecursiveComparison().ignoringFields("advance").isEqualTo(fromProtobuf);
    assertThat(fromProtobuf.signals()).hasSize(6).extracting(Object::getClass).containsExactly(
        Signal.Heartbeat.class, Signal.FreshnessUpdate.class, Signal.QualityOutcome.class,
        Signal.VolumeWritten.class, Signal.UsageReads.class, Signal.RunsCompleted.class);
    assertThat(fromProtobuf.acceptedPoints()).isEqualTo(10);
    assertThat(fromProtobuf.rejections()).isEmpty();
  }

  @Test
  void decodeJson_readsOtlpJsonAsTheSpecificationWritesIt() throws Exception {
    // Enums as integers, 64-bit integers as strings and as numbers, hex trace ids, fields we don't know.
    String json = """
        {"resourceMetrics":[{
          "resource":{"attributes":[{"key":"meshwatch.product","value":{"stringValue":"sales.orders"}}],
                      "droppedAttributesCount":0},
          "schemaUrl":"https://opentelemetry.io/schemas/1.24.0",
          "scopeMetrics":[{"scope":{"name":"curl","version":"1"},"metrics":[
            {"name":"meshwatch.runs","unit":"{run}","metadata":[],"someFutureField":{"x":1},
             "sum":{"aggregationTemporality":1,"isMonotonic":true,"dataPoints":[
               {"attributes":[{"key":"meshwatch.run.status","value":{"stringValue":"succeeded"}}],
                "startTimeUnixNano":"%d","timeUnixNano":%d,"asInt":"9",
                "exemplars":[{"timeUnixNano":"%d","asInt":"1",
                  "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"}]}]}},
            {"name":"meshwatch.volume.rows",
             "histogram":{"aggregationTemporality":"AGGREGATION_TEMPORALITY_DELTA","dataPoints":[
               {"timeUnixNano":"%d","count":2,"sum":150.5,"bucketCounts":["2"],"explicitBounds":[]}]}}]}]}]}
        """.formatted(nanos(START), nanos(AT), nanos(AT), nanos(AT));

    DecodeResult result = decoder.decodeJson(json.getBytes(StandardCharsets.UTF_8));

    assertThat(result.signals()).containsExactly(
        new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START),
        new Signal.VolumeWritten(ORDERS, AT, 2, 150.5),
        new Signal.RunsCompleted(ORDERS, AT, 9, 0, Duration.ZERO));
    assertThat(result.acceptedPoints()).isEqualTo(2);
  }

  @Test
  void decodeProtobuf_emptyBodyIsAnEmptyExport() throws Exception {
    DecodeResult result = decoder.decodeProtobuf(new byte[0]);

    assertThat(result.signals()).isEmpty();
    assertThat(result.allRejected()).isFalse();
  }

  @Test
  void decode_concurrentExportsOfCumulativeSeriesLoseAndDoubleNothing() throws Exception {
    int threads = 4;
    int exports = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> totals = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        String check = "check_" + t;
        totals.add(pool.submit(() -> {
          long passed = 0;
          for (int value = 1; value <= exports; value++) {
            DecodeResult result = decoder.decode(request(resource("sales.orders",
                sum(QUALITY_CHECKS, CUMULATIVE, count(value, attr(ATTR_CHECK, check), attr(ATTR_OUTCOME, OUTCOME_PASS))))));
            passed += result.signals().stream().filter(Signal.QualityOutcome.class::isInstance)
                .mapToLong(s -> ((Signal.QualityOutcome) s).checksPassed()).sum();
          }
          return passed;
        }));
      }
      for (Future<Long> total : totals) {
        assertThat(total.get(30, TimeUnit.SECONDS)).isEqualTo(exports);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static ExportMetricsServiceRequest everySignal() {
    return request(resource("sales.orders",
        gauge(FRESHNESS_DATA_TIME, value(1_795_000_000.5)),
        gauge(AGENT_HEARTBEAT, count(1)),
        sum(QUALITY_CHECKS, CUMULATIVE, count(3, attr(ATTR_CHECK, "c"), attr(ATTR_OUTCOME, OUTCOME_PASS))),
        sum(QUALITY_ROWS_CHECKED, CUMULATIVE, count(100, attr(ATTR_CHECK, "c"))),
        sum(QUALITY_ROWS_FAILED, CUMULATIVE, count(2, attr(ATTR_CHECK, "c"))),
        histogram(VOLUME_ROWS, CUMULATIVE, histogramPoint(1, 500)),
        sum(USAGE_READS, CUMULATIVE, count(5, attr(ATTR_CONSUMER, "bi"), attr(ATTR_OUTCOME, OUTCOME_SUCCESS))),
        histogram(USAGE_READ_DURATION, CUMULATIVE, histogramPoint(5, 0.5, attr(ATTR_CONSUMER, "bi"))),
        sum(RUNS, DELTA, count(1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED))),
        histogram(RUN_DURATION, DELTA, histogramPoint(1, 30, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)))));
  }

  private static Metric runsPoint(AggregationTemporality temporality, long value) {
    return runsPointAt(temporality, value, AT);
  }

  private static Metric runsPointAt(AggregationTemporality temporality, long value, Instant at) {
    return sum(RUNS, temporality, count(value, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)).toBuilder().setTimeUnixNano(nanos(at)).build());
  }

  /** Runs succeeded in the result; 0 when it has no runs signal. */
  private static long runs(DecodeResult result) {
    return result.signals().stream()
        .filter(Signal.RunsCompleted.class::isInstance).map(Signal.RunsCompleted.class::cast)
        .mapToLong(Signal.RunsCompleted::succeeded).sum();
  }
}
