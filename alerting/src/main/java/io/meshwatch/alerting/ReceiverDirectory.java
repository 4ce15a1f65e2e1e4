package io.meshwatch.alerting;

import io.meshwatch.alerting.receiver.NotifierSettings;
import io.meshwatch.alerting.receiver.Notifiers;
import io.meshwatch.alerting.receiver.ReceiverTarget;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the notifier of a receiver name: a configured receiver (all its targets), or an on-call
 * contact ({@link OnCallReceivers}) reached as {@link OnCallDefaults} says. Notifiers are built once
 * per name; unknown names and contacts that cannot be reached are empty, which the outbox reports as
 * a failure that is not retried.
 */
final class ReceiverDirectory {
  private final AlertingConfig config;
  private final NotifierSettings settings;
  private final Map<String, Optional<Notifier>> notifiers = new ConcurrentHashMap<>();

  ReceiverDirectory(AlertingConfig config, InstantSource clock) {
    this.config = config;
    this.settings = new NotifierSettings(config.externalUrl(), config.delivery().timeout(), clock);
  }

  Optional<Notifier> notifier(String receiver) {
    return notifiers.computeIfAbsent(receiver, this::build);
  }

  private Optional<Notifier> build(String receiver) {
    Optional<Receiver> configured = config.receiver(receiver);
    if (configured.isPresent()) {
      return Optional.of(notifier(configured.get().targets()));
    }
    return OnCallReceivers.contact(receiver)
        .flatMap(contact -> config.onCall().target(contact))
        .map(target -> notifier(List.of(target)));
  }

  private Notifier notifier(List<ReceiverTarget> targets) {
    List<Notifier> each = targets.stream().map(target -> Notifiers.create(target, settings)).toList();
    return each.size() == 1 ? each.get(0) : Notifiers.of(each);
  }
}
