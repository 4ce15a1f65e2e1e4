package io.meshwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** A real agent whose exports land in OpenTelemetry's in-memory reader, on a fake clock. */
final class InMemoryAgent implements AutoCloseable {

  static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  final FakeClock clock = new FakeClock(START);
  final InMemoryMetricReader reader = InMemoryMetricReader.create();
  final MeshAgent agent = MeshAgent.builder()
      .product("sales.orders")
      .serviceName("orders-nightly")
      .clock(clock)
      .metricReader(reader)
      .build();

  Collection<MetricData> collect() {
    return reader.collectAllMetrics();
  }

  /** The metric {@code name} in a fresh collection; fails the test when absent. */
  MetricData metric(String name) {
    Optional<MetricData> metric = find(collect(), name);
    assertThat(metric).as("metric %s in collection", name).isPresent();
    return metric.orElseThrow();
  }

  static Optional<MetricData> find(Collection<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name)).findFirst();
  }

  @Override
  public void close() {
    agent.close();
  }
}
