package io.meshwatch.alerting;

import io.meshwatch.alerting.routing.Route;
import io.meshwatch.alerting.routing.RoutedTo;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything alerting is configured with: the lifecycle's timers, the route tree and its named
 * receivers, how descriptors' on-call contacts are reached, inhibition and delivery. The constructor
 * checks the whole and reports every problem in one {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * AlertingConfig config = AlertingConfig.defaults();   // everything to the products' on-call contacts
 * Optional<Receiver> receiver = config.receiver("team-slack");
 * }</pre>
 *
 * @param externalUrl the collector's own address as people reach it, for links in notifications
 * @param pendingFor how long a condition must hold before its alert fires (Prometheus' {@code for})
 * @param keepFiringFor how long a firing alert keeps firing after its condition cleared
 * @param route the root of the route tree; it matches every alert and sets the durations its
 *     children inherit (a null receiver there means {@link RoutedTo#ON_CALL})
 * @param receivers the named receivers routes may send to, besides {@link RoutedTo#ON_CALL}
 * @param onCall how the {@link RoutedTo#ON_CALL} receiver reaches each product's contacts
 * @param lineageInhibition whether an upstream product's firing freshness or quality alert inhibits
 *     the same kind of alert on its downstream products
 * @param delivery timeouts and retries of the outbox
 */
public record AlertingConfig(
    URI externalUrl,
    Duration pendingFor,
    Duration keepFiringFor,
    Route route,
    List<Receiver> receivers,
    OnCallDefaults onCall,
    boolean lineageInhibition,
    Delivery delivery) {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public AlertingConfig {
    receivers = List.copyOf(receivers);
    List<String> problems = new ArrayList<>();
    if (externalUrl == null || !("http".equals(externalUrl.getScheme()) || "https".equals(externalUrl.getScheme()))
        || externalUrl.getHost() == null) {
      problems.add("externalUrl must be an http or https URL, got " + externalUrl);
    }
    requireNotNegative(problems, "pendingFor", pendingFor);
    requireNotNegative(problems, "keepFiringFor", keepFiringFor);
    Set<String> names = new HashSet<>();
    for (Receiver receiver : receivers) {
      if (!names.add(receiver.name())) {
        problems.add("receiver '" + receiver.name() + "' is defined twice; receiver names must be unique");
      }
    }
    if (route == null) {
      problems.add("route is required");
    } else {
      checkRoot(problems, route);
      checkTree(problems, "route", route, names);
    }
    if (onCall == null || delivery == null) {
      problems.add("onCall and delivery are required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid alerting config: " + String.join("; ", problems));
    }
  }

  /**
   * External URL {@code http://127.0.0.1:8080}, 2 min pending, 5 min keep-firing-for, every alert to
   * the products' on-call contacts grouped by product and SLO (wait 30 s, interval 5 min, repeat 4 h),
   * no named receivers, lineage inhibition on, {@link Delivery#DEFAULTS}.
   */
  public static AlertingConfig defaults() {
    return new AlertingConfig(URI.create("http://127.0.0.1:8080"), Duration.ofMinutes(2), Duration.ofMinutes(5),
        defaultRoute(), List.of(), OnCallDefaults.DEFAULTS, true, Delivery.DEFAULTS);
  }

  /** The default root route: {@link RoutedTo#ON_CALL}, by product and SLO, 30 s / 5 min / 4 h, no notices of inhibited alerts. */
  public static Route defaultRoute() {
    return new Route(List.of(), RoutedTo.ON_CALL, List.of("product", "slo"), Duration.ofSeconds(30),
        Duration.ofMinutes(5), Duration.ofHours(4), false, false, List.of());
  }

  /** The named receiver {@code name}; empty for {@link RoutedTo#ON_CALL} and unknown names. */
  public Optional<Receiver> receiver(String name) {
    return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static void checkRoot(List<String> problems, Route root) {
    if (!root.matchers().isEmpty()) {
      problems.add("route: the root route matches every alert and cannot have matchers");
    }
    if (root.continueMatching()) {
      problems.add("route: the root route has no siblings to continue to");
    }
    // what the route tree needs; a root without groupBy groups by nothing, one without notifyInhibited does not notify them
    if (root.groupWait() == null || root.groupInterval() == null || root.repeatInterval() == null) {
      problems.add("route: the root route must set groupWait, groupInterval and repeatInterval");
    }
  }

  private static void checkTree(List<String> problems, String path, Route route, Set<String> receivers) {
    String receiver = route.receiver();
    if (receiver != null && !receiver.equals(RoutedTo.ON_CALL) && !receivers.contains(receiver)) {
      problems.add(path + ": unknown receiver '" + receiver + "'");
    }
    if (route.groupBy() != null) {
      if (Set.copyOf(route.groupBy()).size() < route.groupBy().size()) {
        problems.add(path + ": groupBy lists a label twice, got " + route.groupBy());
      }
      for (String label : route.groupBy()) {
        boolean all = label.equals(RoutedTo.GROUP_BY_ALL);
        if (all ? route.groupBy().size() > 1 : !LABEL_NAME.matcher(label).matches()) {
          problems.add(path + ": groupBy takes label names, or '...' alone, got '" + label + "'");
        }
      }
    }
    if (route.groupWait() != null) {
      requireNotNegative(problems, path + ".groupWait", route.groupWait());
    }
    requirePositiveIfSet(problems, path + ".groupInterval", route.groupInterval());
    requirePositiveIfSet(problems, path + ".repeatInterval", route.repeatInterval());
    for (int i = 0; i < route.routes().size(); i++) {
      checkTree(problems, path + ".routes[" + i + "]", route.routes().get(i), receivers);
    }
  }

  private static void requireNotNegative(List<String> problems, String field, @Nullable Duration duration) {
    if (duration == null || duration.isNegative()) {
      problems.add(field + " must be zero or positive, got " + duration);
    }
  }

  private static void requirePositiveIfSet(List<String> problems, String field, @Nullable Duration duration) {
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      problems.add(field + " must be positive, got " + duration);
    }
  }
}
