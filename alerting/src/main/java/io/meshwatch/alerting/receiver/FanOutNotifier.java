package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers to every target of one receiver, one after the other; see {@link Notifiers#of(List)}.
 */
final class FanOutNotifier implements Notifier {
  private final List<Notifier> targets;

  FanOutNotifier(List<Notifier> targets) {
    this.targets = List.copyOf(targets);
    if (this.targets.isEmpty()) {
      throw new IllegalArgumentException("a receiver needs at least one target");
    }
  }

  @Override
  public DeliveryResult send(Notification notification) {
    List<DeliveryResult> results = new ArrayList<>(targets.size());
    int firstFailed = -1;
    for (int i = 0; i < targets.size(); i++) {
      DeliveryResult result = send(targets.get(i), notification);
      results.add(result);
      if (!result.delivered() && firstFailed < 0) {
        firstFailed = i;
      }
    }
    if (firstFailed < 0) {
      return results.get(0);
    }
    List<DeliveryResult> failures = results.stream().filter(result -> !result.delivered()).toList();
    DeliveryResult failure = failures.get(0);
    // Retrying re-sends to every target; that can only help when no target refused for good.
    boolean retryable = failures.stream().allMatch(DeliveryResult::retryable);
    String error = targets.size() == 1 ? failure.error()
        : failures.size() + " of " + targets.size() + " targets failed; target " + (firstFailed + 1) + ": " + failure.error();
    return new DeliveryResult(false, failure.statusCode(), error, retryable);
  }

  // A notifier never throws by contract; this one guards the others' deliveries against one that does.
  private static DeliveryResult send(Notifier target, Notification notification) {
    try {
      return target.send(notification);
    } catch (RuntimeException e) {
      return DeliveryResult.failed("notifier failed: " + e, false);
    }
  }
}
