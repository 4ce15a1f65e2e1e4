package io.meshwatch.collector.config;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.alerting.routing.Matcher;
import io.meshwatch.alerting.routing.Route;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.collector.descriptor.DurationText;
import io.meshwatch.collector.descriptor.Suggestion;
import io.meshwatch.collector.descriptor.YamlMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code alerting.route}, the route tree. The root takes every alert, so it has no matchers and
 * no {@code continue}; what it leaves out comes from {@link AlertingConfig#defaultRoute()}, what a
 * child leaves out is inherited (left null). Every receiver a route names must exist.
 */
final class RouteReader {

  static final List<String> FIELDS = List.of("matchers", "receiver", "groupBy", "groupWait", "groupInterval",
      "repeatInterval", "continue", "notifyInhibited", "routes");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final Collection<String> receivers;

  private RouteReader(Collection<String> receivers) {
    this.receivers = receivers;
  }

  /** The root route of {@code route}, or the default one when it is absent. */
  static Route readRoot(@Nullable YamlMap route, Collection<String> receivers) {
    Route defaults = AlertingConfig.defaultRoute();
    if (route == null) {
      return defaults;
    }
    if (route.has("matchers")) {
      route.problems().error(route.line("matchers"), route.field("matchers"),
          "the root route takes every alert and has no matchers; put them on its routes");
    }
    if (route.has("continue")) {
      route.problems().error(route.line("continue"), route.field("continue"),
          "the root route has no siblings to continue to");
    }
    Route root = new RouteReader(receivers).read(route);
    return new Route(List.of(), ConfigReader.or(root.receiver(), defaults.receiver()), ConfigReader.or(root.groupBy(), defaults.groupBy()),
        ConfigReader.or(root.groupWait(), defaults.groupWait()), ConfigReader.or(root.groupInterval(), defaults.groupInterval()),
        ConfigReader.or(root.repeatInterval(), defaults.repeatInterval()), false,
        ConfigReader.or(root.notifyInhibited(), defaults.notifyInhibited()), root.routes());
  }

  private Route read(YamlMap route) {
    route.allowOnly(FIELDS);
    List<Matcher> matchers = new ArrayList<>();
    List<Node> matcherItems = route.list("matchers");
    for (int i = 0; i < matcherItems.size(); i++) {
      Matcher matcher = route.value(matcherItems.get(i), route.field("matchers") + "[" + i + "]",
          "a matcher such as severity=\"page\"", Matcher::parse);
      if (matcher != null) {
        matchers.add(matcher);
      }
    }
    String receiver = route.value("receiver", false, "a receiver name", this::receiver);
    List<String> groupBy = route.has("groupBy") ? groupBy(route) : null;
    Duration groupWait = route.value("groupWait", false, "a duration", DurationText::parse);
    Duration groupInterval = route.value("groupInterval", false, "a duration", ConfigReader::positive);
    Duration repeatInterval = route.value("repeatInterval", false, "a duration", ConfigReader::positive);
    Boolean continueMatching = route.value("continue", false, "true or false", AlertingConfigReader::bool);
    Boolean notifyInhibited = route.value("notifyInhibited", false, "true or false", AlertingConfigReader::bool);
    List<Route> routes = new ArrayList<>();
    List<Node> children = route.list("routes");
    for (int i = 0; i < children.size(); i++) {
      YamlMap child = route.map(children.get(i), route.field("routes") + "[" + i + "]");
      if (child != null) {
        routes.add(read(child));
      }
    }
    return new Route(matchers, receiver, groupBy, groupWait, groupInterval, repeatInterval,
        Boolean.TRUE.equals(continueMatching), notifyInhibited, routes);
  }

  private String receiver(String name) {
    if (name.equals(RoutedTo.ON_CALL) || receivers.contains(name)) {
      return name;
    }
    List<String> known = new ArrayList<>(receivers);
    known.add(RoutedTo.ON_CALL);
    String hint = Suggestion.closest(name, known)
        .map(close -> " (did you mean '" + close + "'?)")
        .orElse("; receivers: " + String.join(", ", known));
    throw new IllegalArgumentException("unknown receiver '" + name + "'" + hint);
  }

  private static List<String> groupBy(YamlMap route) {
    List<String> labels = new ArrayList<>();
    List<Node> items = route.list("groupBy");
    for (int i = 0; i < items.size(); i++) {
      String label = route.value(items.get(i), route.field("groupBy") + "[" + i + "]", "a label name", RouteReader::label);
      if (label != null && labels.contains(label)) {
        route.problems().error(items.get(i), route.field("groupBy") + "[" + i + "]", "lists '" + label + "' twice");
      } else if (label != null) {
        labels.add(label);
      }
    }
    if (labels.contains(RoutedTo.GROUP_BY_ALL) && items.size() > 1) {
      route.problems().error(route.line("groupBy"), route.field("groupBy"),
          "'...' groups by every label and stands alone, got " + labels);
    }
    return labels;
  }

  private static String label(String text) {
    if (!text.equals(RoutedTo.GROUP_BY_ALL) && !LABEL_NAME.matcher(text).matches()) {
      throw new IllegalArgumentException("must be a label name, or '...' for every label, got '" + text + "'");
    }
    return text;
  }
}
