package io.meshwatch.alerting;

import io.meshwatch.alerting.receiver.NotifierSettings;
import io.meshwatch.alerting.receiver.Notifiers;
import io.meshwatch.alerting.receiver.ReceiverTarget;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.model.Contact;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the notifier of a receiver name: a configured receiver (all its targets), or an on-call
 * contact ({@link OnCallReceivers}) reached as {@link OnCallDefaults} says. Notifiers are built once
 * per name. A contact that cannot be reached gets a notifier that fails at once, not retried, saying
 * which setting is missing; unknown names are empty.
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
    if (receiver.equals(RoutedTo.ON_CALL)) {
      return Optional.of(unreachable("the product's descriptor names no onCall contacts"));
    }
    return OnCallReceivers.contact(receiver).map(contact -> config.onCall().target(contact)
        .map(target -> notifier(List.of(target)))
        .orElseGet(() -> unreachable("cannot reach on-call contact " + contact.kind().name().toLowerCase(Locale.ROOT) + " '"
            + contact.target() + "': " + missingSetting(contact.kind()))));
  }

  private static String missingSetting(Contact.Kind kind) {
    return switch (kind) {
      case SLACK -> "alerting.onCall.slack.webhookUrl is not set";
      case EMAIL -> "alerting.onCall.email is not set";
      case PAGERDUTY, WEBHOOK -> "it is not a usable " + kind.name().toLowerCase(Locale.ROOT) + " target";
    };
  }

  private static Notifier unreachable(String reason) {
    return notification -> DeliveryResult.failed(reason + " (docs/CONFIG.md#alerting)", false);
  }

  private Notifier notifier(List<ReceiverTarget> targets) {
    List<Notifier> each = targets.stream().map(target -> Notifiers.create(target, settings)).toList();
    return each.size() == 1 ? each.get(0) : Notifiers.of(each);
  }
}
