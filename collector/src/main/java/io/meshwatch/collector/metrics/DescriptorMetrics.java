package io.meshwatch.collector.metrics;

import io.meshwatch.collector.descriptor.DescriptorProblem;
import io.meshwatch.model.CollectorMetric;
import io.meshwatch.model.CollectorMetric.Labels;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes how many problems the last load of the descriptors found, by severity. Both severities
 * are always there (0 when none), so a panel or rule never reads an absent series as "fine".
 */
public final class DescriptorMetrics {

  private final Map<DescriptorProblem.Severity, AtomicLong> counts = new EnumMap<>(DescriptorProblem.Severity.class);

  public DescriptorMetrics(MeterRegistry registry) {
    for (DescriptorProblem.Severity severity : DescriptorProblem.Severity.values()) {
      AtomicLong count = new AtomicLong();
      counts.put(severity, count);
      Gauge.builder(CollectorMetric.DESCRIPTOR_PROBLEMS.canonicalName(), count, AtomicLong::get)
          .description(CollectorMetric.DESCRIPTOR_PROBLEMS.help())
          .tag(Labels.SEVERITY_LABEL, severity.name().toLowerCase(Locale.ROOT))
          // The registry holds gauges' objects weakly: without this the counts go when nobody keeps this instance.
          .strongReference(true)
          .register(registry);
    }
  }

  /** Replaces the published counts with those of {@code problems}, the last load's. */
  public void loaded(Collection<DescriptorProblem> problems) {
    counts.forEach((severity, count) -> count.set(problems.stream().filter(p -> p.severity() == severity).count()));
  }
}
