package io.meshwatch.alerting.outbox;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers with scripted results (then delivers), recording the ids it was sent in order. */
final class ScriptedNotifier implements Notifier {
  private final Deque<DeliveryResult> script = new ArrayDeque<>();
  private final List<String> sent = new ArrayList<>();

  ScriptedNotifier then(DeliveryResult result, int times) {
    for (int i = 0; i < times; i++) {
      script.addLast(result);
    }
    return this;
  }

  @Override
  public synchronized DeliveryResult send(Notification notification) {
    sent.add(notification.id());
    DeliveryResult next = script.pollFirst();
    return next == null ? DeliveryResult.delivered(200) : next;
  }

  synchronized List<String> sent() {
    return List.copyOf(sent);
  }

  static DeliveryResult unavailable() {
    return DeliveryResult.rejected(503, "down");
  }
}
