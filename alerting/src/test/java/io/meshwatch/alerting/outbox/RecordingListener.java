package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a {@link DeliveryListener} hears, as readable lines. */
final class RecordingListener implements DeliveryListener {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void delivered(Notification notification, Duration latency) {
    events.add("delivered " + notification.id() + " after " + latency);
  }

  @Override
  public void failed(Notification notification, DeliveryResult result, boolean willRetry) {
    events.add("failed " + notification.id() + (willRetry ? " will retry: " : " gave up: ") + result.error());
  }
}
