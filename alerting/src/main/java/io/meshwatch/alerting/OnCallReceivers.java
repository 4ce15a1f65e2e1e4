package io.meshwatch.alerting;

import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.ProductId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stands in for {@link RoutedTo#ON_CALL}: one concrete receiver per on-call contact in the alerted
 * product's descriptor, named {@code oncall/<kind>:<target>} (e.g. {@code oncall/slack:#sales-oncall}),
 * so that each contact groups, dedups and retries on its own. A product without contacts keeps the
 * plain {@code oncall} receiver, whose delivery then fails visibly (logged and counted) instead of
 * the alert vanishing.
 */
final class OnCallReceivers {
  private static final String PREFIX = RoutedTo.ON_CALL + "/";

  private final Function<ProductId, Optional<DataProduct>> descriptors;

  OnCallReceivers(Function<ProductId, Optional<DataProduct>> descriptors) {
    this.descriptors = descriptors;
  }

  /** {@code routes} with every on-call route replaced by one route per contact of {@code alert}'s product. */
  List<RoutedTo> expand(Alert alert, List<RoutedTo> routes) {
    List<RoutedTo> expanded = null;
    for (int i = 0; i < routes.size(); i++) {
      RoutedTo route = routes.get(i);
      if (!route.receiver().equals(RoutedTo.ON_CALL)) {
        if (expanded != null) {
          expanded.add(route);
        }
        continue;
      }
      if (expanded == null) {
        expanded = new ArrayList<>(routes.subList(0, i));
      }
      List<Contact> contacts = descriptors.apply(alert.product()).map(DataProduct::onCall).orElse(List.of());
      if (contacts.isEmpty()) {
        expanded.add(route);
      }
      for (Contact contact : contacts) {
        expanded.add(new RoutedTo(route.routeId(), name(contact), route.groupBy(), route.groupWait(),
            route.groupInterval(), route.repeatInterval(), route.notifyInhibited()));
      }
    }
    return expanded == null ? routes : expanded;
  }

  /** The receiver name of {@code contact}. */
  static String name(Contact contact) {
    return PREFIX + contact.kind().name().toLowerCase(Locale.ROOT) + ":" + contact.target();
  }

  /** The contact a receiver name stands for; empty for names not made by {@link #name}. */
  static Optional<Contact> contact(String receiver) {
    if (!receiver.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int colon = receiver.indexOf(':', PREFIX.length());
    if (colon < 0) {
      return Optional.empty();
    }
    try {
      Contact.Kind kind = Contact.Kind.valueOf(receiver.substring(PREFIX.length(), colon).toUpperCase(Locale.ROOT));
      return Optional.of(new Contact(kind, receiver.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
