package io.meshwatch.alerting.routing;

import java.util.List;
import java.util.Map;

/** One route of a validated tree, with its inherited settings resolved and its matchers compiled. */
final class RouteNode {
  private final Matchers matchers;
  private final boolean continueMatching;
  private final RouteNode[] children;
  private final RoutedTo routedTo;
  // Shared by every alert this route takes alone, so the common case allocates nothing.
  private final List<RoutedTo> alone;

  RouteNode(Matchers matchers, boolean continueMatching, List<RouteNode> children, RoutedTo routedTo) {
    this.matchers = matchers;
    this.continueMatching = continueMatching;
    this.children = children.toArray(RouteNode[]::new);
    this.routedTo = routedTo;
    this.alone = List.of(routedTo);
  }

  boolean anyContinue() {
    for (RouteNode child : children) {
      if (child.continueMatching || child.anyContinue()) {
        return true;
      }
    }
    return false;
  }

  /** Without {@code continue} anywhere, an alert ends at exactly one route: walk down to it. */
  List<RoutedTo> matchOne(Map<String, String> labels) {
    RouteNode node = this;
    descend:
    while (true) {
      for (RouteNode child : node.children) {
        if (child.matchers.matches(labels)) {
          node = child;
          continue descend;
        }
      }
      return node.alone;
    }
  }

  /** Alertmanager's walk, for a node whose own matchers held: adds the routes that take the alert. */
  void matchAll(Map<String, String> labels, List<RoutedTo> out) {
    boolean taken = false;
    for (RouteNode child : children) {
      if (child.matchers.matches(labels)) {
        child.matchAll(labels, out);
        taken = true;
        if (!child.continueMatching) {
          break;
        }
      }
    }
    if (!taken) {
      out.add(routedTo);
    }
  }
}
