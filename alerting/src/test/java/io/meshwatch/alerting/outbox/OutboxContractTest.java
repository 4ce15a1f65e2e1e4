package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertCondition;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.alerting.DeliveryListener;
import io.meshwatch.alerting.MutableClock;
import io.meshwatch.alerting.Notification;
import io.meshwatch.durable.Damage;
import io.meshwatch.durable.DurableLogContract;
import io.meshwatch.model.ProductId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox passes the log's contract: a record is a notification enqueued (and never delivered, so
 * it stays pending), a checkpoint is a compaction.
 */
class OutboxContractTest extends DurableLogContract {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @Override
  protected Subject open(Path dir) throws Exception {
    OutboxOptions options = OutboxOptions.defaults().withFsync(false).withCompactionBytes(4 * SEGMENT_BYTES);
    Outbox outbox = Outbox.open(dir, options, name -> Optional.empty(), new MutableClock(T0), DeliveryListener.NONE);
    List<Integer> recovered = outbox.pending().stream().map(p -> Integer.parseInt(p.id().substring(1))).toList();
    return new Subject() {
      @Override
      public void append(int id) throws Exception {
        outbox.enqueue(small("n" + id));
      }

      @Override
      public void checkpoint() throws Exception {
        outbox.compactNow();
      }

      @Override
      public List<Integer> recovered() {
        return recovered;
      }

      @Override
      public Damage damage() {
        return outbox.damage();
      }

      @Override
      public void close() {
        outbox.close();
      }
    };
  }

  /** A notification as small as one can be, so that the contract's every-offset test stays quick. */
  private static Notification small(String id) {
    Alert alert = new Alert("f", ProductId.parse("a.b"), "s", AlertCondition.BURN_RATE_PAGE, AlertState.FIRING,
        Map.of(), Map.of(), T0, T0, null);
    return new Notification(id, "r", Map.of(), List.of(alert), Notification.Purpose.NOTIFY);
  }
}
