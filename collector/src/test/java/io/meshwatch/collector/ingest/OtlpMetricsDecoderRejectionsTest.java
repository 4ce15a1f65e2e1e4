package io.meshwatch.collector.ingest;

import static io.meshwatch.collector.ingest.Otlp.*;
import static io.meshwatch.model.SignalContract.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.opentelemetry.proto.common.v1.KeyValue;
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

    assertOnly(result, RejectReason.FUTURE_TIMESTAMP, "product sales.orders, metric meshwatch.runs: NumberDataPoint.time_unix_nano must be a time at most 1h before and 5m "
        + "after the collector's clock (2026-11-25T10:00:00Z), got " + tooLate + " (in the future)");
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
        "metric meshwatch.freshness.data_time: data time (epoch seconds 1795604400) must be a time at most 3650d before and "
        + "5m after the collector's clock (2026-11-25T10:00:00Z), got 2026-11-25T11:00:00Z (in the future)");
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
        "product sales.orders, metric meshwatch.freshness.data_time: NumberDataPoint.as_double must be a number from 0 to 9007199254740992, got NaN",
        "product sales.orders, metric meshwatch.freshness.data_time: NumberDataPoint.as_double must be a number from 0 to 9007199254740992, got Infinity",
        "product sales.orders, metric meshwatch.freshness.data_time: NumberDataPoint.as_double must be a number from 0 to 9007199254740992, got -1",
        "product sales.orders, metric meshwatch.runs: NumberDataPoint.as_int must be a whole number from 0 to 9007199254740992, got -3",
        "product sales.orders, metric meshwatch.volume.rows: HistogramDataPoint.count must be a whole number from 0 to 9007199254740992, got 18446744073709551615",
        "product sales.orders, metric meshwatch.volume.rows: HistogramDataPoint.sum must be a number from 0 to 9007199254740992, got NaN",
        "product sales.orders, metric meshwatch.volume.rows: HistogramDataPoint has no sum");
    assertThat(result.rejectedPoints()).isEqualTo(7);
    assertThat(result.allRejected()).isTrue();
  }

  @Test
  void decode_pointWithoutValueIsInvalid() {
    Metric empty = sum(RUNS, DELTA, NumberDataPoint.newBuilder().setTimeUnixNano(nanos(AT))
        .addAttributes(attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)).build());

    assertOnly(decoder.decode(request(resource("sales.orders", empty))), RejectReason.INVALID_VALUE, "NumberDataPoint has no value");
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
        "product sales.orders, metric meshwatch.quality.checks: meshwatch.outcome must be one of pass, fail, got 'maybe'",
        "product sales.orders, metric meshwatch.quality.checks: meshwatch.check must be a non-blank string, got int_value: 7",
        "product sales.orders, metric meshwatch.usage.reads: meshwatch.outcome must be one of success, failure, got 'ok'",
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
        "Sum.aggregation_temporality must be one of DELTA, CUMULATIVE, got 'UNSPECIFIED'");
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

    assertThat(message).contains("got -1;", "got -5;").doesNotContain("got -6").endsWith("; and 2 more");
  }

  @Test
  void decode_freshnessDataTimesOlderThanTenYearsAreInvalidValues() {
    Instant oldest = Otlp.CLOCK_START.minus(Duration.ofDays(3650));

    DecodeResult result = decoder.decode(request(resource("sales.orders", gauge(FRESHNESS_DATA_TIME,
        value(oldest.getEpochSecond()), value(oldest.getEpochSecond() - 1), value(-31_557_014_135_532_800.0)))));

    assertThat(result.rejections()).extracting(r -> r.reason() + " " + r.message()).containsExactly(
        "INVALID_VALUE product sales.orders, metric meshwatch.freshness.data_time: data time (epoch seconds "
            + (oldest.getEpochSecond() - 1) + ") must be a time at most 3650d before and 5m after the collector's clock (2026-11-25T10:00:00Z), got "
            + oldest.minusSeconds(1),
        "INVALID_VALUE product sales.orders, metric meshwatch.freshness.data_time: NumberDataPoint.as_double must be a "
            + "number from 0 to 9007199254740992, got -31557014135532800");
    assertThat(result.acceptedPoints()).isEqualTo(1);
  }

  @Test
  void decode_valuesPastTwoToThe53AreInvalidValues() {
    DecodeResult result = decoder.decode(request(resource("sales.orders", sum(RUNS, DELTA,
        count((1L << 53) + 1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED)), count(1L << 53, attr(ATTR_RUN_STATUS, RUN_FAILED))),
        histogram(VOLUME_ROWS, DELTA, histogramPoint(1, 1e16)))));

    assertThat(result.rejections()).extracting(Rejection::message).containsExactly(
        "product sales.orders, metric meshwatch.runs: NumberDataPoint.as_int must be a whole number from 0 to "
            + "9007199254740992, got 9007199254740993",
        "product sales.orders, metric meshwatch.volume.rows: HistogramDataPoint.sum must be a number from 0 to "
            + "9007199254740992, got 10000000000000000");
    assertThat(result.signals()).contains(new Signal.RunsCompleted(ORDERS, AT, 0, 1L << 53, Duration.ZERO));
  }

  @Test
  void decode_countsSummedPastTwoToThe53OverARequestAreRejected() {
    NumberDataPoint most = count(1L << 53, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED));

    DecodeResult result = decoder.decode(request(resource("sales.orders", sum(RUNS, DELTA, most, most))));

    assertOnly(result, RejectReason.INVALID_VALUE, "product sales.orders, runs: succeeded summed over the request's points "
        + "must be a whole number from 0 to 9007199254740992, got more than 9007199254740992");
    assertThat(result.acceptedPoints()).isZero();
  }

  @Test
  void decode_pointAttributesPastTheirBoundsAreInvalidValues() {
    KeyValue[] many = new KeyValue[33];
    for (int i = 0; i < many.length; i++) {
      many[i] = attr("a" + i, "v");
    }
    DecodeResult result = decoder.decode(request(resource("sales.orders", sum(QUALITY_CHECKS, DELTA,
        count(1, many),
        count(1, attr(ATTR_CHECK, "c"), attr(ATTR_OUTCOME, OUTCOME_PASS), attr("k".repeat(257), "v")),
        count(1, attr(ATTR_CHECK, "c"), attr(ATTR_OUTCOME, OUTCOME_PASS), attr("k", "v".repeat(1025))),
        count(1, attr(ATTR_CHECK, "c".repeat(257)), attr(ATTR_OUTCOME, OUTCOME_PASS)),
        count(1, attr(ATTR_CHECK, "c".repeat(256)), attr(ATTR_OUTCOME, OUTCOME_PASS))))));

    String where = "product sales.orders, metric meshwatch.quality.checks: ";
    assertThat(result.rejections()).extracting(Rejection::message).containsExactly(
        where + "NumberDataPoint.attributes must be at most 32 items, got 33 items",
        where + "NumberDataPoint.attributes key must be text of at most 256 characters, got 257 characters ('"
            + "k".repeat(40) + "…')",
        where + "NumberDataPoint.attributes 'k' value must be text of at most 1024 characters, got 1025 characters ('"
            + "v".repeat(40) + "…')",
        where + "meshwatch.check must be text of 1 to 256 characters, got 257 characters ('" + "c".repeat(40) + "…')");
    assertThat(result.acceptedPoints()).isEqualTo(1);
  }

  @Test
  void decode_startTimesAheadOfTheClockAndTimesPastInt64AreRefused() {
    NumberDataPoint run = count(1, attr(ATTR_RUN_STATUS, RUN_SUCCEEDED));

    DecodeResult result = decoder.decode(request(resource("sales.orders", sum(RUNS, DELTA,
        run.toBuilder().setStartTimeUnixNano(nanos(Otlp.CLOCK_START.plus(Duration.ofHours(1)))).build(),
        run.toBuilder().setTimeUnixNano(-1L).build()))));

    assertThat(result.rejections()).extracting(r -> r.reason() + " " + r.message()).containsExactly(
        "INVALID_VALUE product sales.orders, metric meshwatch.runs: NumberDataPoint.start_time_unix_nano must be a time at "
            + "most 3650d before and 5m after the collector's clock (2026-11-25T10:00:00Z), got 2026-11-25T11:00:00Z (in the future)",
        "FUTURE_TIMESTAMP product sales.orders, metric meshwatch.runs: NumberDataPoint.time_unix_nano must be a time at "
            + "most 1h before and 5m after the collector's clock (2026-11-25T10:00:00Z), got 2554-07-21T23:34:33.709551615Z "
            + "(in the future)");
  }

  @Test
  void decode_aLongServiceNameRefusesItsResource() {
    Resource resource = Resource.newBuilder().addAttributes(attr(RESOURCE_PRODUCT, "sales.orders"))
        .addAttributes(attr(RESOURCE_SERVICE_NAME, "s".repeat(257))).build();

    assertOnly(decoder.decode(request(resource(resource, ONE_RUN))), RejectReason.INVALID_VALUE,
        "resource attribute service.name must be text of at most 256 characters, got 257 characters");
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
