package io.meshwatch.alerting.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A validated route tree that tells, for an alert's labels, which routes take it — Alertmanager's
 * semantics: the alert walks down depth-first into the first child whose matchers hold (and on into
 * later siblings while the matched child sets {@code continueMatching}); a route none of whose
 * children matched takes the alert itself. Routes inherit unset fields from their parent, and each
 * {@link RoutedTo} is named by its path of 0-based child indexes: the root is {@code 0}, its first
 * child {@code 0.0}, that child's second child {@code 0.0.1}.
 *
 * <p>Immutable and thread-safe. {@link #match} compiles nothing and, in a tree without
 * {@code continue}, allocates nothing.
 *
 * <pre>{@code
 * RouteTree tree = new RouteTree(root);          // throws listing every problem of the tree
 * for (RoutedTo to : tree.match(alert.labels())) { ... }
 * }</pre>
 */
public final class RouteTree {
  public static final List<String> DEFAULT_GROUP_BY = List.of("product", "slo");
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  private final Route root;
  private final RouteNode compiled;
  private final boolean anyContinue;

  /**
   * Checks the whole tree: the root must set groupWait, groupInterval and repeatInterval (a root
   * without groupBy groups by nothing, one without receiver sends to {@link RoutedTo#ON_CALL}) and
   * may have neither matchers nor continue; durations must be valid, groupBy label names valid and
   * distinct, {@code ...} alone.
   *
   * @throws IllegalArgumentException listing every problem, each with the path of its route
   */
  public RouteTree(Route root) {
    this.root = root;
    this.compiled = RouteCompiler.compile(root);
    this.anyContinue = compiled.anyContinue();
  }

  /** One route to the owner team's on-call, grouped by product and SLO, Alertmanager's timings. */
  public static RouteTree defaults() {
    return new RouteTree(withDefaults(new Route(List.of(), null, null, null, null, null, false, null, List.of())));
  }

  /**
   * {@code root} with each unset field set to the default: receiver {@link RoutedTo#ON_CALL}, group by
   * product and SLO, group wait 30s, group interval 5m, repeat interval 4h, inhibited alerts not
   * notified.
   */
  public static Route withDefaults(Route root) {
    return new Route(root.matchers(),
        root.receiver() != null ? root.receiver() : RoutedTo.ON_CALL,
        root.groupBy() != null ? root.groupBy() : DEFAULT_GROUP_BY,
        root.groupWait() != null ? root.groupWait() : DEFAULT_GROUP_WAIT,
        root.groupInterval() != null ? root.groupInterval() : DEFAULT_GROUP_INTERVAL,
        root.repeatInterval() != null ? root.repeatInterval() : DEFAULT_REPEAT_INTERVAL,
        root.continueMatching(),
        root.notifyInhibited() != null ? root.notifyInhibited() : Boolean.FALSE,
        root.routes());
  }

  /** The tree as configured. */
  public Route root() {
    return root;
  }

  /**
   * The routes that take an alert with these labels, in tree order; never empty (the root takes
   * what no child does). A label the alert lacks matches as the empty string. The list is unmodifiable.
   */
  public List<RoutedTo> match(Map<String, String> labels) {
    if (!anyContinue) {
      return compiled.matchOne(labels);
    }
    List<RoutedTo> out = new ArrayList<>(2);
    compiled.matchAll(labels, out);
    return Collections.unmodifiableList(out);
  }
}
