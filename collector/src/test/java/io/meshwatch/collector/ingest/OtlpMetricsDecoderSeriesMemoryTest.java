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
import io.opentelemetry.proto.common.v1.KeyValue;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The per-product series budget counts series, not bytes, so each series must take few bytes whatever
 * its point carries: it used to keep the text of every attribute (a product within its budget could
 * pin gigabytes). Now a point carries at most what the OTLP bounds allow (32 attributes, values of
 * 1024 characters, about 30 KiB of text) and its series keeps the labels it is split by and a digest
 * of the rest: about the bytes CONFIG.md documents.
 */
class OtlpMetricsDecoderSeriesMemoryTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final int SERIES = 64;
  /** As many attributes besides check and outcome as a point may have, each value at its bound. */
  private static final int EXTRA_ATTRIBUTES = 30;
  private static final int VALUE_CHARS = 1_024;

  @Test
  void decode_newSeriesWithLongAttributeValues_areHeldToAboutTheDocumentedBytesPerSeries() {
    TestClock clock = new TestClock(Otlp.CLOCK_START);
    OtlpMetricsDecoder decoder = new OtlpMetricsDecoder(clock, IngestLimits.defaults(), Set.of(ORDERS)::contains);
    long before = usedHeapAfterGc();
    long accepted = 0;
    for (int i = 0; i < SERIES; i++) {
      List<KeyValue> attributes = new ArrayList<>(List.of(attr(ATTR_CHECK, "not_null"), attr(ATTR_OUTCOME, OUTCOME_PASS)));
      for (int a = 0; a < EXTRA_ATTRIBUTES; a++) {
        String value = (i + "-" + a + "-").repeat(VALUE_CHARS);
        attributes.add(attr("extra_" + a, value.substring(0, VALUE_CHARS)));
      }
      accepted += decoder.decode(request(resource(ORDERS.toString(), sum(QUALITY_CHECKS, CUMULATIVE,
          count(1, attributes.toArray(KeyValue[]::new)))))).acceptedPoints();
    }
    long perSeries = (usedHeapAfterGc() - before) / SERIES;
    Reference.reachabilityFence(decoder);

    assertThat(accepted).as("every point is within the product's budget").isEqualTo(SERIES);
    assertThat(perSeries).as("bytes of heap each accepted cumulative series keeps").isLessThan(4 << 10);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
