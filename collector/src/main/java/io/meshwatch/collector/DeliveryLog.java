package io.meshwatch.collector;

import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs what became of notifications (a given-up one as a warning), then tells {@code next}. */
final class DeliveryLog implements DeliveryListener {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryLog.class);

  private final DeliveryListener next;

  DeliveryLog(DeliveryListener next) {
    this.next = next;
  }

  @Override
  public void delivered(Notification notification, Duration latency) {
    LOG.debug("notification {} delivered to {} after {} ms", notification.id(), notification.receiver(), latency.toMillis());
    next.delivered(notification, latency);
  }

  @Override
  public void failed(Notification notification, DeliveryResult result, boolean willRetry) {
    if (willRetry) {
      LOG.info("notification {} to {} failed, will retry: {}", notification.id(), notification.receiver(), result.error());
    } else {
      LOG.warn("notification {} to {} given up: {}", notification.id(), notification.receiver(), result.error());
    }
    next.failed(notification, result, willRetry);
  }
}
