package io.meshwatch.bench.alerting;

import io.meshwatch.alerting.routing.Matcher;
import io.meshwatch.alerting.routing.Route;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one route tree both contenders are configured with: grouped by product and SLO, a paging
 * child that continues, a child for two domains, everything else at the root. Each route has its
 * own receiver name, all three posting to the same sink, so the sink can tell which route delivered
 * an alert and count each route's deliveries separately.
 */
record BenchRoutes(Duration groupWait, Duration groupInterval, Duration repeatInterval) {

  static final String ROOT = "default";
  static final String PAGE = "page";
  static final String DOMAINS = "sales-finance";
  static final List<String> GROUP_BY = List.of("product", "slo");
  static final Matcher PAGE_MATCHER = Matcher.parse("severity=\"page\"");
  static final Matcher DOMAINS_MATCHER = Matcher.parse("domain=~\"sales|finance\"");

  static BenchRoutes standard() {
    return new BenchRoutes(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofHours(1));
  }

  /** The tree for meshwatch's {@code RouteTree}. */
  Route meshwatch() {
    Route page = new Route(List.of(PAGE_MATCHER), PAGE, null, null, null, null, true, null, List.of());
    Route domains = new Route(List.of(DOMAINS_MATCHER), DOMAINS, null, null, null, null, false, null, List.of());
    return new Route(List.of(), ROOT, GROUP_BY, groupWait, groupInterval, repeatInterval, false, false,
        List.of(page, domains));
  }

  /** The same tree as Alertmanager's configuration file, every receiver a webhook to {@code sink}. */
  String alertmanagerYaml(URI sink) {
    StringBuilder yaml = new StringBuilder()
        .append("route:\n")
        .append("  receiver: ").append(ROOT).append('\n')
        .append("  group_by: [").append(String.join(", ", GROUP_BY)).append("]\n")
        .append("  group_wait: ").append(goDuration(groupWait)).append('\n')
        .append("  group_interval: ").append(goDuration(groupInterval)).append('\n')
        .append("  repeat_interval: ").append(goDuration(repeatInterval)).append('\n')
        .append("  routes:\n")
        .append("    - receiver: ").append(PAGE).append('\n')
        .append("      matchers: ['").append(PAGE_MATCHER).append("']\n")
        .append("      continue: true\n")
        .append("    - receiver: ").append(DOMAINS).append('\n')
        .append("      matchers: ['").append(DOMAINS_MATCHER).append("']\n")
        .append("receivers:\n");
    for (String receiver : List.of(ROOT, PAGE, DOMAINS)) {
      yaml.append("  - name: ").append(receiver).append('\n')
          .append("    webhook_configs:\n")
          .append("      - url: '").append(sink).append("'\n")
          .append("        send_resolved: true\n");
    }
    return yaml.toString();
  }

  /**
   * The receivers an alert with {@code labels} goes to, by the tree's rules (the first matching child,
   * then later siblings while the matched one continues; the root when no child matches). The harness
   * checks both contenders' deliveries against this.
   */
  static List<String> receivers(Map<String, String> labels) {
    List<String> receivers = new ArrayList<>(2);
    if (PAGE_MATCHER.matches(labels)) {
      receivers.add(PAGE);
    }
    if (DOMAINS_MATCHER.matches(labels)) {
      receivers.add(DOMAINS);
    }
    if (receivers.isEmpty()) {
      receivers.add(ROOT);
    }
    return receivers;
  }

  private static String goDuration(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }
}
