package io.meshwatch.bench;

import io.meshwatch.collector.ingest.DecodeResult;
import io.meshwatch.collector.ingest.IngestLimits;
import io.meshwatch.collector.ingest.OtlpMetricsDecoder;
import io.meshwatch.collector.ingest.SeriesBudgets;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SignalContract;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;

/**
 * Heap one tracked cumulative OTLP series keeps in the collector's decoder (to turn cumulative sums
 * into deltas), for the sizing of {@code limits.seriesTotal} in CONFIG.md: live heap after a full GC
 * once {@value #SERIES} new series of one product were decoded, minus live heap before, per series.
 * Three shapes of point: the agent's (check and outcome only), one with 8 more attributes of 64
 * characters (what a central OpenTelemetry Collector may add), and one at the OTLP bounds (32
 * attributes with 1 KiB values), each in a JVM of its own (in one JVM, what an earlier shape leaves
 * behind blurs the next one's figure). Run with {@code -XX:+UseSerialGC}, whose {@code System.gc()}
 * is a full compacting collection (see {@link RetainedHeap}).
 *
 * <pre>{@code
 * for shape in agent more most; do
 *   java -XX:+UseSerialGC -Xmx2g -cp bench/target/benchmarks.jar io.meshwatch.bench.SeriesRetainedHeap $shape
 * done
 * }</pre>
 */
public final class SeriesRetainedHeap {

  private static final int SERIES = 20_000;
  private static final int PER_REQUEST = 500;
  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private SeriesRetainedHeap() {}

  public static void main(String[] args) {
    String shape = args.length == 0 ? "agent" : args[0];
    System.out.println("point shape\tretained bytes per series\t(live heap before -> after)");
    switch (shape) {
      case "agent" -> report("agent (check, outcome)", 0, 0);
      case "more" -> report("+8 attributes of 64 chars", 8, 64);
      case "most" -> report("+30 attributes of 1 KiB", 30, 1024);
      default -> throw new IllegalArgumentException("shape must be agent, more or most, got " + shape);
    }
  }

  private static void report(String name, int extra, int chars) {
    IngestLimits limits = new IngestLimits(Duration.ofMinutes(5), 10 * SERIES, Duration.ofHours(1), 10_000);
    OtlpMetricsDecoder decoder = new OtlpMetricsDecoder(InstantSource.fixed(NOW), limits,
        new SeriesBudgets(10 * SERIES, 10 * SERIES), Set.of(ORDERS)::contains);
    // One unmeasured request first: classes and caches must not count as retained.
    decoder.decode(request(-1, 1, extra, chars));
    long before = RetainedHeap.liveHeap();
    long accepted = 0;
    for (int first = 0; first < SERIES; first += PER_REQUEST) {
      DecodeResult result = decoder.decode(request(first, PER_REQUEST, extra, chars));
      accepted += result.acceptedPoints();
    }
    long after = RetainedHeap.liveHeap();
    Reference.reachabilityFence(decoder);
    if (accepted != SERIES) {
      throw new IllegalStateException(name + ": only " + accepted + " of " + SERIES + " points accepted");
    }
    System.out.printf("%s\t%,d\t(%,d -> %,d)%n", name, (after - before) / SERIES, before, after);
  }

  private static ExportMetricsServiceRequest request(int first, int count, int extra, int chars) {
    long now = NOW.getEpochSecond() * 1_000_000_000L;
    Sum.Builder sum = Sum.newBuilder().setIsMonotonic(true)
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    for (int i = first; i < first + count; i++) {
      NumberDataPoint.Builder point = NumberDataPoint.newBuilder()
          .addAttributes(attr(SignalContract.ATTR_CHECK, "check_" + i))
          .addAttributes(attr(SignalContract.ATTR_OUTCOME, SignalContract.OUTCOME_PASS))
          .setStartTimeUnixNano(now - 600_000_000_000L).setTimeUnixNano(now - 1_000_000_000L).setAsInt(1);
      for (int a = 0; a < extra; a++) {
        String value = (i + "-" + a + "-").repeat(chars);
        point.addAttributes(attr("attribute." + a, value.substring(0, chars)));
      }
      sum.addDataPoints(point);
    }
    Metric checks = Metric.newBuilder().setName(SignalContract.QUALITY_CHECKS).setUnit(SignalContract.UNIT_CHECKS).setSum(sum).build();
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(attr(SignalContract.RESOURCE_PRODUCT, ORDERS.toString()))
            .addAttributes(attr(SignalContract.RESOURCE_SERVICE_NAME, "orders-pipeline")))
        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(checks))).build();
  }

  private static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }
}
