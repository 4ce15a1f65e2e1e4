package io.meshwatch.alerting;

import io.meshwatch.alerting.receiver.ReceiverTarget;
import io.meshwatch.alerting.routing.RoutedTo;
import java.util.List;

/**
 * A named receiver of the config file (Alertmanager's {@code receivers}): routes name it, and each
 * notification routed to it goes to every one of its targets.
 *
 * @param name unique among receivers; {@link RoutedTo#ON_CALL} is reserved for the products' own on-call contacts
 * @param targets at least one
 */
public record Receiver(String name, List<ReceiverTarget> targets) {

  public Receiver {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a receiver needs a name");
    }
    if (name.equals(RoutedTo.ON_CALL)) {
      throw new IllegalArgumentException("receiver name '" + RoutedTo.ON_CALL
          + "' is reserved for the on-call contacts of each product's descriptor");
    }
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("receiver '" + name + "' has no targets");
    }
  }
}
