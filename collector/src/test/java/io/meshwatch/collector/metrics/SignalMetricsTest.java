package io.meshwatch.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalMetricsTest {

  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final ProductId REFUNDS = ProductId.parse("sales.refunds");
  private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void accepted_foldsChecksAndConsumersPastTheLimitIntoOtherPerProduct() {
    SignalMetrics metrics = new SignalMetrics(registry, 3);
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      signals.add(new Signal.QualityOutcome(ORDERS, AT, "check-" + i, 1, 1, 0, 0));
      signals.add(new Signal.UsageReads(ORDERS, AT, "consumer-" + i, 2, 0, Duration.ZERO));
    }
    signals.add(new Signal.QualityOutcome(REFUNDS, AT, "check-4", 1, 0, 0, 0));

    metrics.accepted(signals);

    assertThat(registry.find("meshwatch.quality.checks").tag("product", "sales.orders").tag("outcome", "passed")
        .counters()).extracting(c -> c.getId().getTag("check"))
        .containsExactlyInAnyOrder("check-0", "check-1", "check-2", "_other");
    assertThat(count("meshwatch.quality.checks", "sales.orders", "check", "_other", "failed")).isEqualTo(2.0);
    assertThat(count("meshwatch.usage.reads", "sales.orders", "consumer", "_other", "succeeded")).isEqualTo(4.0);
    // Another product has a limit of its own.
    assertThat(count("meshwatch.quality.checks", "sales.refunds", "check", "check-4", "passed")).isEqualTo(1.0);
    assertThat(folds("sales.orders", "check")).isEqualTo(2.0);
    assertThat(folds("sales.orders", "consumer")).isEqualTo(2.0);
    assertThat(registry.find("meshwatch.product.label.values.folded").tag("product", "sales.refunds").functionCounters())
        .isEmpty();
  }

  @Test
  void accepted_oneProductsManyChecks_neverPushOutAnotherProductsLabels() {
    SignalMetrics metrics = new SignalMetrics(registry, 3);
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      signals.add(new Signal.QualityOutcome(ORDERS, AT, "run-" + i, 1, 0, 0, 0));
    }
    metrics.accepted(signals);

    metrics.accepted(List.of(new Signal.QualityOutcome(REFUNDS, AT, "ids", 1, 0, 0, 0),
        new Signal.QualityOutcome(REFUNDS, AT, "emails", 0, 1, 0, 0), new Signal.QualityOutcome(REFUNDS, AT, "dates", 1, 0, 0, 0)));

    assertThat(registry.find("meshwatch.quality.checks").tag("product", "sales.refunds").tag("outcome", "passed")
        .counters()).extracting(c -> c.getId().getTag("check")).containsExactlyInAnyOrder("ids", "emails", "dates");
    assertThat(folds("sales.orders", "check")).isEqualTo(997.0);
  }

  @Test
  void retain_removesTheFoldCountsOfProductsNoLongerKnown() {
    SignalMetrics metrics = new SignalMetrics(registry, 1);
    metrics.accepted(List.of(new Signal.QualityOutcome(ORDERS, AT, "a", 1, 0, 0, 0),
        new Signal.QualityOutcome(ORDERS, AT, "b", 1, 0, 0, 0)));

    metrics.retain(REFUNDS::equals);

    assertThat(registry.find("meshwatch.product.label.values.folded").functionCounters()).isEmpty();
  }

  private double folds(String product, String label) {
    return registry.get("meshwatch.product.label.values.folded").tag("product", product).tag("label", label)
        .functionCounter().count();
  }

  @Test
  void accepted_volumeIsTheLatestRowsPerRunAndIgnoresReportsOfNoRuns() {
    SignalMetrics metrics = new SignalMetrics(registry);

    metrics.accepted(List.of(new Signal.VolumeWritten(ORDERS, AT, 2, 300), new Signal.VolumeWritten(ORDERS, AT, 4, 200),
        new Signal.VolumeWritten(ORDERS, AT, 0, 0)));

    assertThat(registry.get("meshwatch.volume.rows").tag("product", "sales.orders").gauge().value()).isEqualTo(50.0);
  }

  @Test
  void retain_removesTheSeriesOfProductsNoLongerKnown() {
    SignalMetrics metrics = new SignalMetrics(registry);
    metrics.accepted(List.of(
        new Signal.RunsCompleted(ORDERS, AT, 1, 0, Duration.ofSeconds(3)),
        new Signal.VolumeWritten(ORDERS, AT, 1, 10),
        new Signal.RunsCompleted(REFUNDS, AT, 1, 1, Duration.ofSeconds(5))));

    metrics.retain(REFUNDS::equals);

    assertThat(registry.find("meshwatch.runs").tag("product", "sales.orders").counters()).isEmpty();
    assertThat(registry.find("meshwatch.run.duration.seconds").tag("product", "sales.orders").counters()).isEmpty();
    assertThat(registry.find("meshwatch.volume.rows").gauges()).extracting(Gauge::getId).isEmpty();
    assertThat(registry.get("meshwatch.runs").tag("product", "sales.refunds").tag("status", "failed").counter().count())
        .isEqualTo(1.0);
  }

  private double count(String name, String product, String label, String value, String outcome) {
    Counter counter = registry.get(name).tag("product", product).tag(label, value).tag("outcome", outcome).counter();
    return counter.count();
  }
}
