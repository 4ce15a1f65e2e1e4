package io.meshwatch.collector;

import io.meshwatch.alerting.AlertingConfig;
import io.meshwatch.alerting.Delivery;
import io.meshwatch.alerting.OnCallDefaults;
import io.meshwatch.alerting.Receiver;
import io.meshwatch.alerting.routing.Route;
import io.meshwatch.alerting.routing.RoutedTo;
import io.meshwatch.collector.config.CollectorConfig;
import io.meshwatch.collector.config.Tokens;
import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SliKind;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.Threshold;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Collector configs and products for the alerting tests: alerts fire on the first evaluation that sees a burn. */
final class AlertingFixture {
  static final String ADMIN = "alerting-admin";
  static final String SALES_TOKEN = "sales-domain-token";

  private AlertingFixture() {}

  /** Fires at once, keeps nothing firing after it clears, sends at once to the on-call contacts, repeats after 4 h. */
  static AlertingConfig alerting(List<Route> routes, List<Receiver> receivers) {
    return alerting(new Route(List.of(), RoutedTo.ON_CALL, List.of("product", "slo"), Duration.ZERO,
        Duration.ofMinutes(1), Duration.ofHours(4), false, false, routes), receivers);
  }

  static AlertingConfig alerting(Route root, List<Receiver> receivers) {
    return new AlertingConfig(URI.create("http://meshwatch.example.com"), Duration.ZERO, Duration.ZERO, root,
        receivers, OnCallDefaults.DEFAULTS, true, new Delivery(Duration.ofSeconds(5), Duration.ofHours(24)));
  }

  static CollectorConfig config(Path dataDir, AlertingConfig alerting) {
    return new CollectorConfig("127.0.0.1", 0, dataDir, null, 1 << 20,
        new CollectorConfig.Evaluation(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(1)),
        new CollectorConfig.Storage(CollectorConfig.Storage.DEFAULTS.fsync(), Duration.ofHours(1)),
        new Tokens(Set.of(ADMIN), Map.of(), Map.of(SALES_TOKEN, "sales")), alerting);
  }

  /** A product whose data must be at most 10 minutes old 99 % of 28 days, judged from the first minute, paging a webhook. */
  static DataProduct fresh(String id, URI onCallWebhook, String... upstream) {
    SloSpec fresh = CollectorFixture.judgedAtOnce("fresh", SliKind.FRESHNESS, new Threshold.MaxAge(Duration.ofMinutes(10)));
    return new DataProduct(ProductId.parse(id), "team-" + ProductId.parse(id).domain(),
        List.of(new Contact(Contact.Kind.WEBHOOK, onCallWebhook.toString())), "", List.of(), "1.0.0",
        List.of(upstream).stream().map(ProductId::parse).toList(),
        new Links(URI.create("https://runbooks.example.com/" + id), null, URI.create("https://grafana.example.com/d/" + id)),
        List.of(fresh));
  }

  /** A product whose runs must succeed 99 % of 28 days, judged from the first run. */
  static DataProduct runs(String id, List<Contact> onCall) {
    SloSpec runs = CollectorFixture.judgedAtOnce("runs", SliKind.RUN_SUCCESS, null);
    return new DataProduct(ProductId.parse(id), "team-" + ProductId.parse(id).domain(), onCall, "", List.of(), "1.0.0",
        List.of(), Links.NONE, List.of(runs));
  }

  static void post(CollectorClient client, String product, String events) {
    var response = client.post("/api/v1/products/" + product + "/events", "application/json",
        events.getBytes(StandardCharsets.UTF_8), Optional.of(ADMIN));
    if (response.statusCode() != 202) {
      throw new AssertionError("posting " + events + " to " + product + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  static String freshness(Instant dataTime) {
    return "[{\"type\": \"freshness\", \"dataTime\": \"" + dataTime + "\"}, {\"type\": \"heartbeat\"}]";
  }

  static String runs(int succeeded, int failed) {
    return runs(succeeded, failed, null);
  }

  /** Run events observed at {@code time}, or at the collector's clock when null. */
  static String runs(int succeeded, int failed, @Nullable Instant time) {
    String at = time == null ? "" : ", \"time\": \"" + time + "\"";
    StringBuilder events = new StringBuilder("[");
    for (int i = 0; i < succeeded + failed; i++) {
      events.append(i == 0 ? "" : ",").append("{\"type\": \"run\", \"status\": \"")
          .append(i < succeeded ? "succeeded" : "failed").append('"').append(at).append('}');
    }
    return events.append("]").toString();
  }
}
