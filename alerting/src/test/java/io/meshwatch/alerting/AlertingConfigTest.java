package io.meshwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.alerting.receiver.ReceiverTarget;
import io.meshwatch.alerting.routing.Matcher;
import io.meshwatch.alerting.routing.Route;
import io.meshwatch.alerting.routing.RoutedTo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertingConfigTest {

  private static final Receiver SLACK = new Receiver("team-slack",
      List.of(new ReceiverTarget.Webhook(URI.create("http://hooks.example.com/x"))));

  @Test
  void defaults_sendEverythingToOnCallGroupedByProductAndSlo() {
    AlertingConfig config = AlertingConfig.defaults();

    assertThat(config.externalUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(config.pendingFor()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.route()).isEqualTo(new Route(List.of(), RoutedTo.ON_CALL, List.of("product", "slo"),
        Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4), false, false, List.of()));
    assertThat(config.receivers()).isEmpty();
    assertThat(config.onCall()).isEqualTo(OnCallDefaults.DEFAULTS);
    assertThat(config.lineageInhibition()).isTrue();
    assertThat(config.delivery()).isEqualTo(new Delivery(Duration.ofSeconds(10), Duration.ofHours(24)));
  }

  @Test
  void receiver_looksUpNamedReceiversOnly() {
    AlertingConfig config = with(root(List.of(child("team-slack"))), List.of(SLACK));

    assertThat(config.receiver("team-slack")).contains(SLACK);
    assertThat(config.receiver(RoutedTo.ON_CALL)).isEmpty();
    assertThat(config.receiver("nope")).isEmpty();
  }

  @Test
  void constructor_reportsEveryProblemAtOnce() {
    Route badChild = new Route(List.of(Matcher.parse("a=\"b\"")), "missing", List.of("...", "slo"),
        Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO, false, null, List.of(child("also-missing")));
    Route root = new Route(List.of(Matcher.parse("x=\"y\"")), null, List.of("slo", "slo"), Duration.ofSeconds(1),
        Duration.ofMinutes(1), Duration.ofHours(1), true, false, List.of(badChild, child(RoutedTo.ON_CALL)));

    assertThatThrownBy(() -> new AlertingConfig(URI.create("ftp://x"), Duration.ofSeconds(-1), Duration.ZERO, root,
        List.of(SLACK, SLACK), OnCallDefaults.DEFAULTS, true, Delivery.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("externalUrl must be an http or https URL, got ftp://x")
        .hasMessageContaining("pendingFor must be zero or positive")
        .hasMessageContaining("receiver 'team-slack' is defined twice")
        .hasMessageContaining("route: the root route matches every alert and cannot have matchers")
        .hasMessageContaining("route: the root route has no siblings to continue to")
        .hasMessageContaining("route: groupBy lists a label twice, got [slo, slo]")
        .hasMessageContaining("route.routes[0]: unknown receiver 'missing'")
        .hasMessageContaining("route.routes[0]: groupBy takes label names, or '...' alone, got '...'")
        .hasMessageContaining("route.routes[0].groupWait must be zero or positive")
        .hasMessageContaining("route.routes[0].groupInterval must be positive")
        .hasMessageContaining("route.routes[0].repeatInterval must be positive")
        .hasMessageContaining("route.routes[0].routes[0]: unknown receiver 'also-missing'")
        .message().doesNotContain("routes[1]");
  }

  @Test
  void constructor_rootMustSetWhatChildrenInherit() {
    Route root = new Route(List.of(), null, List.of("product"), null, Duration.ofMinutes(1), Duration.ofHours(1),
        false, null, List.of());

    assertThatThrownBy(() -> with(root, List.of()))
        .hasMessageContaining("route: the root route must set groupWait, groupInterval and repeatInterval");
  }

  @Test
  void receiver_needsANameTargetsAndMayNotBeCalledOnCall() {
    assertThatThrownBy(() -> new Receiver(RoutedTo.ON_CALL, SLACK.targets()))
        .hasMessageContaining("'oncall' is reserved");
    assertThatThrownBy(() -> new Receiver("empty", List.of())).hasMessage("receiver 'empty' has no targets");
    assertThatThrownBy(() -> new Receiver(" ", SLACK.targets())).hasMessage("a receiver needs a name");
  }

  @Test
  void delivery_needsAPositiveTimeoutWithinTheRetryAge() {
    assertThatThrownBy(() -> new Delivery(Duration.ZERO, Duration.ofHours(1))).hasMessageContaining("timeout");
    assertThatThrownBy(() -> new Delivery(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .hasMessageContaining("maxRetryAge must be at least the timeout");
  }

  static Route root(List<Route> children) {
    return new Route(List.of(), null, List.of("product"), Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1),
        false, false, children);
  }

  static Route child(String receiver) {
    return new Route(List.of(Matcher.parse("severity=\"page\"")), receiver, null, null, null, null, false, null,
        List.of());
  }

  private static AlertingConfig with(Route route, List<Receiver> receivers) {
    AlertingConfig d = AlertingConfig.defaults();
    return new AlertingConfig(d.externalUrl(), d.pendingFor(), d.keepFiringFor(), route, receivers, d.onCall(),
        d.lineageInhibition(), d.delivery());
  }
}
