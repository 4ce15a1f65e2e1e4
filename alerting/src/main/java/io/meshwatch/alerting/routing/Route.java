package io.meshwatch.alerting.routing;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node of the route tree as configured (Alertmanager's {@code route}). Fields left null are
 * inherited from the parent; the root must set the three durations, a root without a receiver
 * sends to {@link RoutedTo#ON_CALL}, one without groupBy groups by nothing, one without
 * notifyInhibited does not notify inhibited alerts. {@link RouteTree} checks a whole tree. An
 * alert goes down into the first child that matches (and on
 * into later siblings while the matched child says {@code continueMatching}); where no child
 * matches, the node itself takes the alert.
 */
public record Route(
    List<Matcher> matchers,
    @Nullable String receiver,
    @Nullable List<String> groupBy,
    @Nullable Duration groupWait,
    @Nullable Duration groupInterval,
    @Nullable Duration repeatInterval,
    boolean continueMatching,
    @Nullable Boolean notifyInhibited,
    List<Route> routes) {

  public Route {
    matchers = List.copyOf(matchers);
    groupBy = groupBy == null ? null : List.copyOf(groupBy);
    routes = List.copyOf(routes);
  }
}
