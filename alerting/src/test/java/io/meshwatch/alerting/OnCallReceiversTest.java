package io.meshwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OnCallReceiversTest {
  private static final ProductId ORDERS = ProductId.parse("sales.orders");
  private static final List<Contact> CONTACTS = List.of(
      new Contact(Contact.Kind.SLACK, "#sales-oncall"), new Contact(Contact.Kind.WEBHOOK, "http://127.0.0.1:9/hook"));
  private static final RoutedTo ON_CALL = route(RoutedTo.ON_CALL);
  private static final RoutedTo NAMED = route("team-pagerduty");

  @Test
  void expand_givesEachContactOfTheProductItsOwnReceiver_andKeepsNamedOnes() {
    OnCallReceivers receivers = new OnCallReceivers(id -> Optional.of(product(CONTACTS)));

    assertThat(receivers.expand(alert(), List.of(NAMED, ON_CALL))).extracting(RoutedTo::receiver)
        .containsExactly("team-pagerduty", "oncall/slack:#sales-oncall", "oncall/webhook:http://127.0.0.1:9/hook");
    assertThat(receivers.expand(alert(), List.of(NAMED))).containsExactly(NAMED);
  }

  @Test
  void expand_productWithoutContactsKeepsThePlainOnCallReceiver() {
    assertThat(new OnCallReceivers(id -> Optional.empty()).expand(alert(), List.of(ON_CALL))).containsExactly(ON_CALL);
  }

  @Test
  void contact_readsBackWhatNameWrote() {
    for (Contact contact : CONTACTS) {
      assertThat(OnCallReceivers.contact(OnCallReceivers.name(contact))).contains(contact);
    }
    assertThat(OnCallReceivers.contact("team-pagerduty")).isEmpty();
    assertThat(OnCallReceivers.contact("oncall/carrier-pigeon:coop")).isEmpty();
  }

  @Test
  void receiverDirectory_unreachableContactFailsAtOnceNamingTheMissingSetting() {
    ReceiverDirectory directory = new ReceiverDirectory(AlertingConfig.defaults(), () -> Instant.EPOCH);
    Notification notification = new Notification("oncall/slack:#sales-oncall", Map.of(),
        List.of(firing()));

    DeliveryResult slack = directory.notifier("oncall/slack:#sales-oncall").orElseThrow().send(notification);
    assertThat(slack.delivered()).isFalse();
    assertThat(slack.retryable()).isFalse();
    assertThat(slack.error()).contains("alerting.onCall.slack.webhookUrl");
    assertThat(directory.notifier("oncall").orElseThrow().send(notification).error()).contains("no onCall contacts");
    assertThat(directory.notifier("oncall/webhook:http://127.0.0.1:9/hook")).isPresent();
    assertThat(directory.notifier("nobody")).isEmpty();
  }

  private static RoutedTo route(String receiver) {
    return new RoutedTo("0", receiver, List.of("product"), Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1), false);
  }

  private static DataProduct product(List<Contact> contacts) {
    return new DataProduct(ORDERS, "sales-team", contacts, "", List.of(), "1.0.0", List.of(), Links.NONE, List.of());
  }

  private static Alert alert() {
    return new Alert("0123456789abcdef", ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE, AlertState.PENDING,
        Map.of("product", ORDERS.toString()), Map.of(), Instant.EPOCH, null, null);
  }

  private static Alert firing() {
    return new Alert("0123456789abcdef", ORDERS, "fresh", AlertCondition.BURN_RATE_PAGE, AlertState.FIRING,
        Map.of("product", ORDERS.toString()), Map.of(), Instant.EPOCH, Instant.EPOCH, null);
  }
}
