package io.meshwatch.collector.ingest;

import static io.meshwatch.collector.ingest.Otlp.*;
import static io.meshwatch.model.SignalContract.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every way an OTLP export can be wrong gets its reason and a message naming product, metric and value. */
class OtlpMetricsDecoderRejectionsTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Metric ONE_RUN = sum(RUNS, DELTA, count(1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)));

  private final TestClock clock = new TestClock(Otlp.CLOCK_START);
  private final OtlpMetricsDecoder decoder = new OtlpMetricsDecoder(clock, IngestLimits.defaults(), Set.of(ORDERS)::contains);

  @Test
  void decode_resourceWithoutProductRejectsItsContractPoints() {
    Resource noProduct = Resource.newBuilder().addAttributes(attr(RESOURCE_SERVICE_NAME, "nightly")).build();

    DecodeResult result = decoder.decode(request(resource(noProduct, ONE_RUN, gauge(AGENT_HEARTBEAT, count(1)),
        gauge("process.cpu.time", value(3)))));

    assertOnly(result, RejectReason.INVALID_PRODUCT, "resource has no meshwatch.product attribute");
    assertThat(result.rejectedPoints()).isEqualTo(2);
    assertThat(result.signals()).isEmpty();
    assertThat(result.allRejected()).isTrue();
  }

  @Test
  void decode_malformedProductIsInvalidProductNamingTheValue() {
    assertOnly(decoder.decode(request(resource("Sales Orders", ONE_RUN))), RejectReason.INVALID_PRODUCT, "'Sales Orders'");

    Resource numeric = Resource.newBuilder().addAttributes(attr(RESOURCE_PRODUCT, 42)).build();
    assertOnly(decoder.decode(request(resource(numeric, ONE_RUN))), RejectReason.INVALID_PRODUCT, "int_value: 42");
  }

  @Test
  void decode_domainAttributeThatContradictsTheProductIsInvalidProduct() {
    Resource resource = Resource.newBuilder()
        .addAttributes(attr(RESOURCE_PRODUCT, "sales.orders")).addAttributes(attr(RESOURCE_DOMAIN, "finance")).build();

    DecodeResult result = decoder.decode(request(resource(resource, ONE_RUN)));

    assertOnly(result, RejectReason.INVALID_PRODUCT, "meshwatch.domain is 'finance' but product 'sales.orders' is in domain 'sales'");
  }

  @Test
  void decode_matchingDomainAttributeIsFine() {
    Resource resource = Resource.newBuilder()
        .addAttributes(attr(RESOURCE_PRODUCT, "sales.orders")).addAttributes(attr(RESOURCE_DOMAIN, "sales")).build();

    assertThat(decoder.decode(request(resource(resource, ONE_RUN))).rejections()).isEmpty();
  }

  @Test
  void decode_unknownProductIsRejectedByName() {
    DecodeResult result = decoder.decode(request(resource("sales.nope", ONE_RUN)));

    assertOnly(result, RejectReason.UNKNOWN_PRODUCT, "unknown product 'sales.nope'");
    assertThat(result.errorMessage()).contains("sales.nope");
  }

  @Test
  void decode_badResourceDoesNotSpoilTheGoodOne() {
    DecodeResult result = decoder.decode(request(resource("sales.nope", ONE_RUN), resource("sales.orders", ONE_RUN)));

    assertThat(result.signals()).contains(new Signal.RunsCompleted(ORDERS, AT, 1, 0, Duration.ZERO));
    assertThat(result.acceptedPoints()).isEqualTo(1);
    assertThat(result.rejectedPoints()).isEqualTo(1);
    assertThat(result.allRejected()).isFalse();
  }

  @Test
  void decode_pointTimeBeyondTheSkewIsAFutureTimestamp() {
    Instant tooLate = Otlp.CLOCK_START.plus(Duration.ofMinutes(5)).plusSeconds(1);

    DecodeResult result = decoder.decode(request(resource("sales.orders", runs(tooLate))));

    assertOnly(result, RejectReason.FUTURE_TIMESTAMP, "product sales.orders, metric meshwatch.runs: point time " + tooLate + " is in the future");
    assertThat(result.signals()).containsExactly(new Signal.Heartbeat(ORDERS, Otlp.CLOCK_START));
  }

  @Test
  void decode_pointTimeWithinTheSkewIsAccepted() {
    Instant ahead = Otlp.CLOCK_START.plus(Duration.ofMinutes(5));

    DecodeResult result = decoder.decode(request(resource("sales.orders", runs(ahead))));

    assertThat(result.rejections()).isEmpty();
    assertThat(result.signals()).contains(new Signal.RunsCompleted(ORDERS, ahead, 1, 0, Duration.ZERO));
  }

  @Test
  void decode_freshnessDataTimeInTheFutureIsAFutureTimestamp() {
    double dataTime = Otlp.CLOCK_START.plus(Duration.ofHours(1)).getEpochSecond();

    DecodeResult result = decoder.decode(request(resource("sales.orders", gauge(FRESHNESS_DATA_TIME, value(dataTime)))));

    assertOnly(result, RejectReason.FUTURE_TIMESTAMP,
        "metric meshwatch.freshness.data_time: data time 2026-11-25T11:00:00Z (" + dataTime + " s) is in the future");
  }

  @Test
  void decode_nonFiniteAndNegativeValuesAreInvalidValuesNamingTheValue() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        gauge(FRESHNESS_DATA_TIME, value(Double.NaN), value(Double.POSITIVE_INFINITY), value(-1)),
        sum(RUNS, DELTA, count(-3, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED))),
        histogram(VOLUME_ROWS, DELTA, histogramPoint(-1, 5), histogramPoint(1, Double.NaN),
            HistogramDataPoint.newBuilder().setTimeUnixNano(nanos(AT)).setCount(2).build()))));

    assertThat(result.rejections()).extracting(Rejection::reason).containsOnly(RejectReason.INVALID_VALUE);
    assertThat(result.rejections()).extracting(Rejection::message).containsExactly(
        "product sales.orders, metric meshwatch.freshness.data_time: value NaN must be a finite number >= 0",
        "product sales.orders, metric meshwatch.freshness.data_time: value Infinity must be a finite number >= 0",
        "product sales.orders, metric meshwatch.freshness.data_time: value -1.0 must be a finite number >= 0",
        "product sales.orders, metric meshwatch.runs: value -3 must be >= 0",
        "product sales.orders, metric meshwatch.volume.rows: count 18446744073709551615 is out of range",
        "product sales.orders, metric meshwatch.volume.rows: sum NaN must be a finite number >= 0",
        "product sales.orders, metric meshwatch.volume.rows: histogram point has no sum");
    assertThat(result.rejectedPoints()).isEqualTo(7);
    assertThat(result.allRejected()).isTrue();
  }

  @Test
  void decode_pointWithoutValueIsInvalid() {
    Metric empty = sum(RUNS, DELTA, NumberDataPoint.newBuilder().setTimeUnixNano(nanos(AT))
        .addAttributes(attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)).build());

    assertOnly(decoder.decode(request(resource("sales.orders", empty))), RejectReason.INVALID_VALUE, "point has no value");
  }

  @Test
  void decode_missingOrUnknownAttributeValuesAreInvalidValuesNamingThem() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        sum(QUALITY_CHECKS, DELTA,
            count(1, attr(ATTR_OUTCOME, OUTCOME_PASS)),
            count(1, attr(ATTR_CHECK, "c"), attr(ATTR_OUTCOME, "maybe")),
            count(1, attr(ATTR_CHECK, 7), attr(ATTR_OUTCOME, OUTCOME_PASS))),
        sum(USAGE_READS, DELTA, count(1, attr(ATTR_CONSUMER, "bi"), attr(ATTR_OUTCOME, "ok"))),
        sum(RUNS, DELTA, count(1)))));

    assertThat(result.rejections()).extracting(Rejection::message).containsExactly(
        "product sales.orders, metric meshwatch.quality.checks: point has no meshwatch.check attribute",
        "product sales.orders, metric meshwatch.quality.checks: meshwatch.outcome must be 'pass' or 'fail', got 'maybe'",
        "product sales.orders, metric meshwatch.quality.checks: meshwatch.check must be a non-blank string, got int_value: 7",
        "product sales.orders, metric meshwatch.usage.reads: meshwatch.outcome must be 'success' or 'failure', got 'ok'",
        "product sales.orders, metric meshwatch.runs: point has no meshwatch.run.status attribute");
    assertThat(result.rejections()).extracting(Rejection::reason).containsOnly(RejectReason.INVALID_VALUE);
  }

  @Test
  void decode_contractMetricOfTheWrongShapeIsInvalid() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        gauge(RUNS, count(1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)), count(2, attr(ATTR_RUN_STATUS, RUN_FAILED))))));

    assertOnly(result, RejectReason.INVALID_VALUE, "metric meshwatch.runs: must be a sum (counter), got gauge");
    assertThat(result.rejectedPoints()).isEqualTo(2);
  }

  @Test
  void decode_aNewSeriesRefusedOnlyBecauseTheCollectorIsFull_isToldFromOneOverItsOwnBudget() {
    ProductId refunds = ProductId.parse("sales.refunds");
    // 20 series per product (2 always allowed), 4 in all.
    IngestLimits four = new IngestLimits(Duration.ofMinutes(5), 4, Duration.ofHours(1), 10);
    OtlpMetricsDecoder bounded = new OtlpMetricsDecoder(clock, four, new SeriesBudgets(20, 100), Set.of(ORDERS, refunds)::contains);
    bounded.decode(request(resource("sales.orders", checks(CUMULATIVE, "a", 1), checks(CUMULATIVE, "b", 1))));
    bounded.decode(request(resource("sales.refunds", checks(CUMULATIVE, "a", 1), checks(CUMULATIVE, "b", 1))));

    DecodeResult result = bounded.decode(request(resource("sales.refunds", checks(CUMULATIVE, "c", 1))));

    assertOnly(result, RejectReason.TOO_MANY_SERIES, "the collector holds 4 cumulative series, its limit");
    assertThat(result.seriesRefusals()).isEqualTo(new DecodeResult.SeriesRefusals(0, 1));
  }

  @Test
  void decode_unspecifiedTemporalityIsInvalid() {
    Metric runs = sum(RUNS, AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED,
        count(1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)));

    assertOnly(decoder.decode(request(resource("sales.orders", runs))), RejectReason.INVALID_VALUE,
        "aggregation temporality must be DELTA or CUMULATIVE");
  }

  @Test
  void decode_newCumulativeSeriesBeyondTheLimitAreTooManySeries() {
    IngestLimits two = new IngestLimits(Duration.ofMinutes(5), 2, Duration.ofHours(1), 10);
    OtlpMetricsDecoder bounded = new OtlpMetricsDecoder(clock, two, Set.of(ORDERS)::contains);
    bounded.decode(request(resource("sales.orders", checks(CUMULATIVE, "a", 1), checks(CUMULATIVE, "b", 1))));

    DecodeResult result = bounded.decode(request(resource("sales.orders",
        checks(CUMULATIVE, "a", 3), checks(CUMULATIVE, "c", 5), checks(DELTA, "d", 2))));

    assertOnly(result, RejectReason.TOO_MANY_SERIES, "product sales.orders holds 2 cumulative series, its budget (limits.seriesPerProduct 2)");
    assertThat(result.rejections().get(0).message()).contains("meshwatch.check='c'");
    assertThat(result.seriesRefusals()).isEqualTo(new DecodeResult.SeriesRefusals(1, 0));
    assertThat(result.signals()).contains(
        new Signal.QualityOutcome(ORDERS, AT, "a", 2, 0, 0, 0),
        new Signal.QualityOutcome(ORDERS, AT, "d", 2, 0, 0, 0));
  }

  @Test
  void decode_moreRowsFailedThanCheckedRetractsThePoints() {
    DecodeResult result = decoder.decode(request(resource("sales.orders",
        sum(QUALITY_ROWS_CHECKED, DELTA, count(10, attr(ATTR_CHECK, "c"))),
        sum(QUALITY_ROWS_FAILED, DELTA, count(11, attr(ATTR_CHECK, "c"))))));

    assertOnly(result, RejectReason.INVALID_VALUE, "product sales.orders, check 'c': rowsFailed (11) cannot exceed rowsChecked (10)");
    assertThat(result.acceptedPoints()).isZero();
    assertThat(result.rejectedPoints()).isEqualTo(2);
  }

  @Test
  void decodeProtobuf_garbageIsMalformedWithTheParsersMessage() {
    assertThatThrownBy(() -> decoder.decodeProtobuf(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02}))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("Protocol message");
  }

  @Test
  void decodeJson_brokenJsonIsMalformedWithTheParsersMessage() {
    assertThatThrownBy(() -> decoder.decodeJson("{\"resourceMetrics\": [ {".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("End of input at line 1 column 24");
    assertThatThrownBy(() -> decoder.decodeJson(" ".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("body is empty");
    assertThatThrownBy(() -> decoder.decodeJson("{\"resourceMetrics\": 5}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("resource_metrics");
  }

  @Test
  void errorMessage_joinsTheFirstFiveMessages() {
    NumberDataPoint[] bad = new NumberDataPoint[7];
    for (int i = 0; i < bad.length; i++) {
      bad[i] = count(-i - 1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED));
    }

    String message = decoder.decode(request(resource("sales.orders", sum(RUNS, DELTA, bad)))).errorMessage();

    assertThat(message).contains("value -1 must", "value -5 must").doesNotContain("value -6").endsWith("; and 2 more");
  }

  private static Metric runs(Instant at) {
    return sum(RUNS, DELTA, count(1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)).toBuilder().setTimeUnixNano(nanos(at)).build());
  }

  private static Metric checks(AggregationTemporality temporality, String check, long value) {
    return sum(QUALITY_CHECKS, temporality, count(value, attr(ATTR_CHECK, check), attr(ATTR_OUTCOME, OUTCOME_PASS)));
  }

  private static void assertOnly(DecodeResult result, RejectReason reason, String messagePart) {
    assertThat(result.rejections()).singleElement().satisfies(rejection -> {
      assertThat(rejection.reason()).isEqualTo(reason);
      assertThat(rejection.message()).contains(messagePart);
    });
  }
}
