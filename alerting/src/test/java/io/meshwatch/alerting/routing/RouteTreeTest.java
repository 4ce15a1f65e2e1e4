package io.meshwatch.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTreeTest {
  private static final Map<String, String> SALES_PAGE =
      Map.of("product", "sales.orders", "domain", "sales", "slo", "fresh", "severity", "page", "team", "sales-team");

  @Test
  void defaults_sendEverythingToOnCallGroupedByProductAndSlo() {
    assertThat(RouteTree.defaults().match(SALES_PAGE)).containsExactly(new RoutedTo("0", RoutedTo.ON_CALL,
        List.of("product", "slo"), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4), false));
  }

  @Test
  void match_rootWithoutReceiverSendsToOnCall() {
    RouteTree tree = new RouteTree(root(null, route("team=\"ml\"", "ml-pager")));

    assertThat(tree.match(SALES_PAGE)).extracting(RoutedTo::routeId, RoutedTo::receiver)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("0", RoutedTo.ON_CALL));
  }

  @Test
  void match_firstMatchingChildWins() {
    RouteTree tree = new RouteTree(root("default",
        route("team=\"ml\"", "ml"),
        route("domain=\"sales\"", "sales"),
        route("severity=\"page\"", "pager")));

    assertThat(receivers(tree, SALES_PAGE)).containsExactly("sales");
    assertThat(ids(tree, SALES_PAGE)).containsExactly("0.1");
  }

  @Test
  void match_withoutContinueReturnsTheRoutesSharedListInsteadOfAllocating() {
    RouteTree tree = new RouteTree(root("default", route("domain=sales", "sales")));

    assertThat(tree.match(SALES_PAGE)).isSameAs(tree.match(Map.of("domain", "sales"))).isUnmodifiable();
    assertThat(tree.match(Map.of())).isSameAs(tree.match(Map.of("domain", "ml")));
  }

  @Test
  void match_continueGoesOnToLaterSiblings() {
    RouteTree tree = new RouteTree(root("default",
        continuing(route("severity=\"page\"", "audit-log")),
        route("team=\"ml\"", "ml"),
        route("domain=\"sales\"", "sales"),
        route("severity=\"page\"", "pager")));

    assertThat(receivers(tree, SALES_PAGE)).containsExactly("audit-log", "sales");
    assertThat(receivers(tree, Map.of("severity", "ticket"))).containsExactly("default");
    assertThat(receivers(tree, Map.of("severity", "page"))).containsExactly("audit-log", "pager");
  }

  @Test
  void match_routeWhoseChildrenAllMissTakesTheAlert() {
    RouteTree tree = new RouteTree(root("default",
        route("domain=\"sales\"", "sales",
            route("severity=\"ticket\"", "sales-tickets"),
            route("slo=\"volume\"", "sales-volume")),
        route("severity=\"page\"", "pager")));

    assertThat(ids(tree, SALES_PAGE)).containsExactly("0.0");
    assertThat(receivers(tree, SALES_PAGE)).containsExactly("sales");
    assertThat(ids(tree, Map.of("domain", "sales", "severity", "ticket"))).containsExactly("0.0.0");
    assertThat(ids(tree, Map.of("domain", "ml", "severity", "page"))).containsExactly("0.1");
  }

  @Test
  void match_continueInsideSubtreeCollectsEveryTakingRoute() {
    RouteTree tree = new RouteTree(root("default",
        continuing(route("domain=\"sales\"", null,
            continuing(route("severity=\"page\"", "sales-pager")),
            route("team=\"sales-team\"", "sales-chat"))),
        route("severity=\"page\"", "pager")));

    assertThat(ids(tree, SALES_PAGE)).containsExactly("0.0.0", "0.0.1", "0.1");
    assertThat(tree.match(SALES_PAGE)).isUnmodifiable();
  }

  @Test
  void match_childrenInheritWhatTheyLeaveUnset() {
    Route child = new Route(List.of(Matcher.parse("domain=sales")), null, List.of("product"), null,
        Duration.ofMinutes(1), null, false, true,
        List.of(route("severity=page", "sales-pager")));
    RouteTree tree = new RouteTree(new Route(List.of(), "default", List.of("slo"), Duration.ofSeconds(10),
        Duration.ofMinutes(2), Duration.ofHours(1), false, null, List.of(child)));

    assertThat(tree.match(SALES_PAGE)).containsExactly(new RoutedTo("0.0.0", "sales-pager", List.of("product"),
        Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(1), true));
    assertThat(tree.match(Map.of("domain", "sales"))).containsExactly(new RoutedTo("0.0", "default",
        List.of("product"), Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(1), true));
    assertThat(tree.match(Map.of()).get(0).notifyInhibited()).isFalse();
  }

  @Test
  void match_regexIsAnchoredAtBothEnds() {
    RouteTree tree = new RouteTree(root("default", route("product=~\"sales\\\\..*\"", "sales"),
        route("domain=~\"ml|ai\"", "ml")));

    assertThat(receivers(tree, Map.of("product", "sales.orders"))).containsExactly("sales");
    assertThat(receivers(tree, Map.of("product", "presales.orders"))).containsExactly("default");
    assertThat(receivers(tree, Map.of("product", "salesXorders"))).containsExactly("default");
    assertThat(receivers(tree, Map.of("domain", "ml"))).containsExactly("ml");
    assertThat(receivers(tree, Map.of("domain", "html"))).containsExactly("default");
    assertThat(receivers(tree, Map.of("domain", "mlops"))).containsExactly("default");
  }

  @Test
  void match_negationAndMissingLabelsMatchAsEmptyString() {
    RouteTree tree = new RouteTree(root("default",
        route("team=\"\"", "unowned"),
        route("severity!=\"page\"", "tickets"),
        route("domain!~\"sales|ml\"", "others")));

    assertThat(receivers(tree, Map.of("severity", "page", "domain", "hr"))).containsExactly("unowned");
    assertThat(receivers(tree, Map.of("team", "t", "severity", "ticket"))).containsExactly("tickets");
    assertThat(receivers(tree, Map.of("team", "t", "severity", "page", "domain", "hr"))).containsExactly("others");
    assertThat(receivers(tree, Map.of("team", "t", "severity", "page", "domain", "ml"))).containsExactly("default");
    // no severity label: "" != "page" holds
    assertThat(receivers(tree, Map.of("team", "t"))).containsExactly("tickets");
  }

  @Test
  void match_groupByEllipsisGroupsByAllLabels() {
    RouteTree tree = new RouteTree(new Route(List.of(), null, List.of("..."), Duration.ZERO,
        Duration.ofMinutes(1), Duration.ofHours(1), false, null, List.of()));

    assertThat(tree.match(SALES_PAGE).get(0).groupBy()).containsExactly(RoutedTo.GROUP_BY_ALL);
  }

  @Test
  void match_rootWithoutGroupByGroupsByNothing() {
    RouteTree tree = new RouteTree(new Route(List.of(), null, null, Duration.ZERO,
        Duration.ofMinutes(1), Duration.ofHours(1), false, null, List.of()));

    assertThat(tree.match(SALES_PAGE).get(0).groupBy()).isEmpty();
  }

  @Test
  void new_reportsEveryProblemWithItsRoutePath() {
    Route badChild = new Route(List.of(Matcher.parse("a=b")), " ", List.of("ok", "not-a-label", "ok"),
        Duration.ofSeconds(-1), Duration.ZERO, Duration.ofMinutes(-5), false, null,
        List.of(new Route(List.of(), null, List.of("...", "product"), null, null, null, false, null, List.of())));
    Route root = new Route(List.of(Matcher.parse("x=y")), null, null, null, null, null, true, null,
        List.of(route("a=b", "fine"), badChild));

    assertThatIllegalArgumentException().isThrownBy(() -> new RouteTree(root))
        .withMessageContaining("route 0: the root route takes every alert and cannot have matchers")
        .withMessageContaining("route 0: the root route cannot set continue")
        .withMessageContaining("route 0: the root route must set groupWait")
        .withMessageContaining("route 0: the root route must set groupInterval")
        .withMessageContaining("route 0: the root route must set repeatInterval")
        .withMessageContaining("route 0.1: receiver must not be blank")
        .withMessageContaining("route 0.1: groupBy label 'not-a-label' is not a valid label name")
        .withMessageContaining("route 0.1: groupBy lists 'ok' twice")
        .withMessageContaining("route 0.1: groupWait must be zero or positive, got PT-1S")
        .withMessageContaining("route 0.1: groupInterval must be positive, got PT0S")
        .withMessageContaining("route 0.1: repeatInterval must be positive, got PT-5M")
        .withMessageContaining("route 0.1.0: groupBy '...' (every label) cannot be combined with other labels")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("route 0.0"));
  }

  @Test
  void withDefaults_keepsWhatTheRootSets() {
    Route root = RouteTree.withDefaults(new Route(List.of(), "team-pager", null, Duration.ZERO, null, null, false,
        true, List.of(route("a=b", "x"))));

    assertThat(root.receiver()).isEqualTo("team-pager");
    assertThat(root.groupWait()).isZero();
    assertThat(root.groupBy()).isEqualTo(RouteTree.DEFAULT_GROUP_BY);
    assertThat(root.repeatInterval()).isEqualTo(Duration.ofHours(4));
    assertThat(root.notifyInhibited()).isTrue();
    assertThat(root.routes()).hasSize(1);
  }

  private static List<String> receivers(RouteTree tree, Map<String, String> labels) {
    return tree.match(labels).stream().map(RoutedTo::receiver).toList();
  }

  private static List<String> ids(RouteTree tree, Map<String, String> labels) {
    return tree.match(labels).stream().map(RoutedTo::routeId).toList();
  }

  private static Route root(String receiver, Route... children) {
    return new Route(List.of(), receiver, List.of("product"), Duration.ofSeconds(30), Duration.ofMinutes(5),
        Duration.ofHours(4), false, null, Arrays.asList(children));
  }

  static Route route(String matchers, String receiver, Route... children) {
    List<Matcher> parsed = Arrays.stream(matchers.split(",")).map(Matcher::parse).toList();
    return new Route(parsed, receiver, null, null, null, null, false, null, Arrays.asList(children));
  }

  private static Route continuing(Route route) {
    return new Route(route.matchers(), route.receiver(), route.groupBy(), route.groupWait(), route.groupInterval(),
        route.repeatInterval(), true, route.notifyInhibited(), route.routes());
  }
}
