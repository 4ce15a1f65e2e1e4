package io.meshwatch.alerting.routing;

import java.time.Duration;
import java.util.List;

/**
 * Where the route tree sends one alert: a receiver, with the grouping and timing of the route that
 * matched. {@code routeId} names the matching route in the tree (its path, e.g. {@code 0.2}) so that
 * two routes to the same receiver form separate groups. {@code notifyInhibited}: whether alerts
 * inhibited by an upstream's alert are still sent to this route's receiver, as a non-paging notice.
 *
 * <p>{@link #ON_CALL} as receiver means "the on-call contacts in the alerted product's descriptor".
 */
public record RoutedTo(
    String routeId,
    String receiver,
    List<String> groupBy,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    boolean notifyInhibited) {

  /** The receiver that stands for the owner team's on-call contacts of each alert's product. */
  public static final String ON_CALL = "oncall";

  /** {@code group_by: ['...']}: group by every label, i.e. each alert on its own. */
  public static final String GROUP_BY_ALL = "...";

  public RoutedTo {
    if (routeId == null || receiver == null || receiver.isBlank()) {
      throw new IllegalArgumentException("a route needs an id and a receiver");
    }
    groupBy = List.copyOf(groupBy);
    requireNotNegative("groupWait", groupWait);
    requirePositive("groupInterval", groupInterval);
    requirePositive("repeatInterval", repeatInterval);
  }

  private static void requireNotNegative(String field, Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(field + " must be zero or positive, got " + duration);
    }
  }

  private static void requirePositive(String field, Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + duration);
    }
  }
}
