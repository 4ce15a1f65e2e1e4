package io.meshwatch.collector.metrics;

import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.model.CollectorMetric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Counts notifications per receiver (delivered, failed attempts, latency) and publishes the alerts by
 * state and severity after each evaluation. Listens to the outbox from its delivery threads, so it
 * only touches thread-safe meters.
 */
public final class AlertingMetrics implements DeliveryListener {

  private final MeterRegistry registry;
  private final Map<String, Counter> sent = new ConcurrentHashMap<>();
  private final Map<String, Counter> failed = new ConcurrentHashMap<>();
  private final Map<String, Timer> latency = new ConcurrentHashMap<>();
  private final Map<AlertKind, AtomicLong> alerts = new ConcurrentHashMap<>();

  /** One series of {@code meshwatch_alerts}: a state ({@code pending}, {@code firing}, {@code suppressed}) and a severity. */
  public record AlertKind(String state, String severity) {}

  public AlertingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Publishes the outbox's queue length, read at each scrape. */
  public void watchOutbox(IntSupplier pendingNotifications) {
    Gauge.builder(CollectorMetric.NOTIFICATIONS_PENDING.canonicalName(), pendingNotifications::getAsInt)
        .description(CollectorMetric.NOTIFICATIONS_PENDING.help())
        .register(registry);
  }

  @Override
  public void delivered(Notification notification, Duration took) {
    String receiver = notification.receiver();
    sent.computeIfAbsent(receiver, r -> Counter.builder(CollectorMetric.NOTIFICATIONS_SENT.canonicalName())
        .description(CollectorMetric.NOTIFICATIONS_SENT.help()).tag("receiver", r).register(registry)).increment();
    latency.computeIfAbsent(receiver, r -> Timer.builder(CollectorMetric.NOTIFICATION_LATENCY.canonicalName())
        .description(CollectorMetric.NOTIFICATION_LATENCY.help()).tag("receiver", r).register(registry)).record(took);
  }

  @Override
  public void failed(Notification notification, DeliveryResult result, boolean willRetry) {
    String retry = Boolean.toString(willRetry);
    failed.computeIfAbsent(notification.receiver() + '\n' + retry, key -> Counter.builder(CollectorMetric.NOTIFICATIONS_FAILED.canonicalName())
        .description(CollectorMetric.NOTIFICATIONS_FAILED.help())
        .tag("receiver", notification.receiver()).tag("retry", retry).register(registry)).increment();
  }

  /** Publishes how many alerts there are of each kind; kinds seen before and missing now drop to zero. */
  public void publishAlerts(Map<AlertKind, Long> counts) {
    alerts.forEach((kind, value) -> value.set(counts.getOrDefault(kind, 0L)));
    counts.forEach((kind, count) -> alerts.computeIfAbsent(kind, this::alertGauge).set(count));
  }

  private AtomicLong alertGauge(AlertKind kind) {
    AtomicLong value = new AtomicLong();
    Gauge.builder(CollectorMetric.ALERTS.canonicalName(), value, AtomicLong::get)
        .description(CollectorMetric.ALERTS.help())
        .tag("state", kind.state()).tag("severity", kind.severity())
        .register(registry);
    return value;
  }
}
