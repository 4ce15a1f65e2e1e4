package io.meshwatch.alerting.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a configured route tree and resolves what each route inherits from its parent. Reports
 * every problem of the tree at once, each naming the route by its path ({@code route 0.1.0}).
 */
final class RouteCompiler {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final List<String> problems = new ArrayList<>();

  private RouteCompiler() {}

  /** @throws IllegalArgumentException listing every problem of the tree */
  static RouteNode compile(Route root) {
    RouteCompiler compiler = new RouteCompiler();
    compiler.checkRoot(root);
    Settings rootSettings = new Settings(
        root.receiver() == null ? RoutedTo.ON_CALL : root.receiver(),
        root.groupBy() == null ? List.of() : root.groupBy(),
        root.groupWait(), root.groupInterval(), root.repeatInterval(),
        root.notifyInhibited() != null && root.notifyInhibited());
    RouteNode node = compiler.compile(root, "0", rootSettings);
    if (!compiler.problems.isEmpty()) {
      throw new IllegalArgumentException("invalid route tree: " + String.join("; ", compiler.problems));
    }
    return node;
  }

  private void checkRoot(Route root) {
    if (!root.matchers().isEmpty()) {
      problems.add("route 0: the root route takes every alert and cannot have matchers, got " + root.matchers());
    }
    if (root.continueMatching()) {
      problems.add("route 0: the root route cannot set continue");
    }
    requireSet("groupWait", root.groupWait());
    requireSet("groupInterval", root.groupInterval());
    requireSet("repeatInterval", root.repeatInterval());
  }

  private void requireSet(String field, @Nullable Duration value) {
    if (value == null) {
      problems.add("route 0: the root route must set " + field);
    }
  }

  private @Nullable RouteNode compile(Route route, String path, Settings inherited) {
    Settings settings = inherited.overriddenBy(route);
    check(path, route, settings);
    List<RouteNode> children = new ArrayList<>(route.routes().size());
    for (int i = 0; i < route.routes().size(); i++) {
      children.add(compile(route.routes().get(i), path + "." + i, settings));
    }
    if (!problems.isEmpty()) {
      return null; // the tree is rejected anyway: only keep looking for more problems
    }
    RoutedTo routedTo = new RoutedTo(path, settings.receiver, groupBy(settings.groupBy),
        settings.groupWait, settings.groupInterval, settings.repeatInterval, settings.notifyInhibited);
    return new RouteNode(Matchers.of(route.matchers()), route.continueMatching(), children, routedTo);
  }

  private void check(String path, Route route, Settings settings) {
    String at = "route " + path + ": ";
    if (route.receiver() != null && route.receiver().isBlank()) {
      problems.add(at + "receiver must not be blank");
    }
    if (route.groupBy() != null) {
      Set<String> seen = new HashSet<>();
      for (String label : route.groupBy()) {
        if (!label.equals(RoutedTo.GROUP_BY_ALL) && !LABEL_NAME.matcher(label).matches()) {
          problems.add(at + "groupBy label '" + label + "' is not a valid label name");
        } else if (!seen.add(label)) {
          problems.add(at + "groupBy lists '" + label + "' twice");
        }
      }
      if (seen.contains(RoutedTo.GROUP_BY_ALL) && route.groupBy().size() > 1) {
        problems.add(at + "groupBy '" + RoutedTo.GROUP_BY_ALL + "' (every label) cannot be combined with other labels, got "
            + route.groupBy());
      }
    }
    if (route.groupWait() != null && route.groupWait().isNegative()) {
      problems.add(at + "groupWait must be zero or positive, got " + route.groupWait());
    }
    requirePositive(at, "groupInterval", route.groupInterval());
    requirePositive(at, "repeatInterval", route.repeatInterval());
  }

  private void requirePositive(String at, String field, @Nullable Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      problems.add(at + field + " must be positive, got " + value);
    }
  }

  private static List<String> groupBy(List<String> labels) {
    return labels.contains(RoutedTo.GROUP_BY_ALL) ? List.of(RoutedTo.GROUP_BY_ALL) : labels;
  }

  /** What a route resolves to; a null duration only where the root failed to set it (already reported). */
  private record Settings(
      String receiver,
      List<String> groupBy,
      @Nullable Duration groupWait,
      @Nullable Duration groupInterval,
      @Nullable Duration repeatInterval,
      boolean notifyInhibited) {

    Settings overriddenBy(Route route) {
      return new Settings(
          route.receiver() != null ? route.receiver() : receiver,
          route.groupBy() != null ? route.groupBy() : groupBy,
          route.groupWait() != null ? route.groupWait() : groupWait,
          route.groupInterval() != null ? route.groupInterval() : groupInterval,
          route.repeatInterval() != null ? route.repeatInterval() : repeatInterval,
          route.notifyInhibited() != null ? route.notifyInhibited() : notifyInhibited);
    }
  }
}
