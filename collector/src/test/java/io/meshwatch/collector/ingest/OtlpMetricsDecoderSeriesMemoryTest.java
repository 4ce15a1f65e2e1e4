package io.meshwatch.collector.ingest;

import static io.meshwatch.collector.ingest.Otlp.CUMULATIVE;
import static io.meshwatch.collector.ingest.Otlp.attr;
import static io.meshwatch.collector.ingest.Otlp.count;
import static io.meshwatch.collector.ingest.Otlp.request;
import static io.meshwatch.collector.ingest.Otlp.resource;
import static io.meshwatch.collector.ingest.Otlp.sum;
import static io.meshwatch.model.SignalContract.ATTR_CHECK;
import static io.meshwatch.model.SignalContract.ATTR_OUTCOME;
import static io.meshwatch.model.SignalContract.OUTCOME_PASS;
import static io.meshwatch.model.SignalContract.QUALITY_CHECKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.TestClock;
import io.meshwatch.model.ProductId;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Review: the per-product series budget counts series, not bytes. Each cumulative series keeps the
 * text of every attribute of its point, so a product well within its 10 000-series budget can pin
 * gigabytes of heap (at 4 MiB bodies, 10 000 series x ~4 MiB), and OOM the collector for everyone.
 * CONFIG.md promises "a tracked series takes about 300 bytes" and calls seriesTotal the memory cap.
 */
class OtlpMetricsDecoderSeriesMemoryTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final int SERIES = 64;
  private static final int VALUE_CHARS = 1 << 20;

  @Test
  void decode_newSeriesWithLongAttributeValues_areHeldToAboutTheDocumentedBytesPerSeries() {
    TestClock clock = new TestClock(Otlp.CLOCK_START);
    OtlpMetricsDecoder decoder = new OtlpMetricsDecoder(clock, IngestLimits.defaults(), Set.of(ORDERS)::contains);
    String filler = "x".repeat(VALUE_CHARS);
    long before = usedHeapAfterGc();
    long accepted = 0;
    for (int i = 0; i < SERIES; i++) {
      accepted += decoder.decode(request(resource(ORDERS.toString(), sum(QUALITY_CHECKS, CUMULATIVE,
          count(1, attr(ATTR_CHECK, "not_null"), attr(ATTR_OUTCOME, OUTCOME_PASS), attr("run", i + filler))))))
          .acceptedPoints();
    }
    long perSeries = (usedHeapAfterGc() - before) / SERIES;
    Reference.reachabilityFence(decoder);

    assertThat(accepted).as("every point is within the product's budget").isEqualTo(SERIES);
    assertThat(perSeries).as("bytes of heap each accepted cumulative series keeps").isLessThan(64 << 10);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
