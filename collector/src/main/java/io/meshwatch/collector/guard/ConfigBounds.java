package io.meshwatch.collector.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds of the collector's config file (docs/CONFIG.md). Timers are bounded so that every
 * instant computed from them, and their milliseconds and nanoseconds, stay far from overflow; sizes
 * so that a body fits in memory. Child routes ({@code alerting.route.routes[]}) have the same fields
 * at any depth; the maps under {@code tokens.ingest} and {@code tokens.domain} have keys of their
 * own ({@code *}).
 */
public final class ConfigBounds {

  public static final String TRANSPORT = "config";
  /** The most a request body may be: it is held in memory whole. */
  public static final long MAX_BODY_BYTES = 1L << 30;
  /** The longest fsync interval: data acknowledged is forced to disk at least this often. */
  public static final Bound.Span FSYNC_INTERVAL = new Bound.Span(Duration.ofMillis(1), Duration.ofHours(1));

  /** A budget of series or label values: at least one, and few enough to count in an int. */
  public static final Bound.Count LIMIT = new Bound.Count(1, 100_000_000);

  /** The server's idle, header and body timeouts (as ServerConfig checks them too). */
  public static final Bound.Span SERVER_TIMEOUT = new Bound.Span(Duration.ofMillis(100), Duration.ofHours(1));
  /** A write budget's refill rate, requests per second (as RateLimits checks it too). */
  public static final Bound.Number WRITE_RATE = new Bound.Number(0, false, 1_000_000, true);
  public static final Bound.Count WRITE_BURST = new Bound.Count(1, 10_000_000);

  public static final BoundsTable TABLE = new BoundsTable(TRANSPORT, fields());

  private ConfigBounds() {}

  private static List<Field<?>> fields() {
    Bound.Text token = new Bound.Text(1, 1_024);
    List<Field<?>> fields = new ArrayList<>(List.of(
        Field.of("server", Bounds.SECTION),
        Field.of("server.host", new Bound.Text(1, 253)),
        Field.of("server.port", new Bound.Count(0, 65_535)),
        Field.of("server.maxBodyBytes", new Bound.Count(1, MAX_BODY_BYTES)),
        Field.of("server.idleTimeout", SERVER_TIMEOUT),
        Field.of("server.headerTimeout", SERVER_TIMEOUT),
        Field.of("server.bodyTimeout", SERVER_TIMEOUT),
        Field.of("server.maxConnections", new Bound.Count(1, 1_000_000)),
        Field.of("server.maxConcurrentWrites", new Bound.Count(1, 1_000_000)),
        Field.of("server.eventLoops", new Bound.Count(1, 64)),
        Field.of("server.retryAfter", new Bound.Span(Duration.ofSeconds(1), Duration.ofHours(1))),
        Field.of("dataDir", Bounds.LOCATION),
        Field.of("descriptors", Bounds.LOCATION),
        Field.of("evaluation", Bounds.SECTION),
        Field.of("evaluation.interval", new Bound.Span(Duration.ofMillis(100), Duration.ofDays(1))),
        Field.of("evaluation.silenceTimeout", new Bound.Span(Duration.ofSeconds(1), Bounds.MAX_DURATION)),
        Field.of("evaluation.maxClockSkew", new Bound.Span(Duration.ofMillis(1), Duration.ofDays(1))),
        Field.of("evaluation.lateness", new Bound.Span(Duration.ofMillis(1), Duration.ofMinutes(4315))),
        Field.of("storage", Bounds.SECTION),
        Field.of("storage.fsync", new Bound.Part("none, always, or an interval from 1ms to 1h")),
        Field.of("storage.snapshotInterval", new Bound.Span(Duration.ofSeconds(1), Duration.ofDays(1))),
        Field.of("limits", Bounds.SECTION),
        Field.of("limits.seriesPerProduct", LIMIT),
        Field.of("limits.seriesPerToken", LIMIT),
        Field.of("limits.seriesTotal", LIMIT),
        Field.of("limits.labelValuesPerProduct", LIMIT),
        Field.of("rateLimits", Bounds.SECTION),
        Field.of("rateLimits.perToken", Bounds.SECTION),
        Field.of("rateLimits.perToken.requestsPerSecond", WRITE_RATE),
        Field.of("rateLimits.perToken.burst", WRITE_BURST),
        Field.of("rateLimits.perProduct", Bounds.SECTION),
        Field.of("rateLimits.perProduct.requestsPerSecond", WRITE_RATE),
        Field.of("rateLimits.perProduct.burst", WRITE_BURST),
        Field.of("tokens", Bounds.SECTION),
        Field.of("tokens.admin", new Bound.Items(1_000)),
        Field.of("tokens.admin[]", token)));
    for (String scope : List.of("ingest", "domain")) {
      fields.add(Field.of("tokens." + scope, new Bound.Items(100_000)));
      fields.add(Field.of("tokens." + scope + ".*", token));
      fields.add(Field.of("tokens." + scope + ".*[]", token));
    }
    fields.addAll(List.of(
        Field.of("alerting", Bounds.SECTION),
        Field.of("alerting.externalUrl", Bounds.LOCATION),
        Field.of("alerting.pendingFor", Bounds.DURATION),
        Field.of("alerting.keepFiringFor", Bounds.DURATION)));
    fields.addAll(List.of(
        Field.of("alerting.route.matchers", new Bound.Refused("the root route takes every alert")),
        Field.of("alerting.route.matchers[]", new Bound.Refused("the root route takes every alert")),
        Field.of("alerting.route.continue", new Bound.Refused("the root route has no siblings to continue to"))));
    for (String route : List.of("alerting.route", "alerting.route.routes[]")) {
      if (!route.equals("alerting.route")) {
        fields.addAll(List.of(
            Field.of(route + ".matchers", new Bound.Items(64)),
            Field.of(route + ".matchers[]", new Bound.Text(1, 1_024)),
            Field.of(route + ".continue", Bounds.BOOLEAN)));
      }
      fields.addAll(List.of(
          Field.of(route, Bounds.SECTION),
          Field.of(route + ".receiver", Bounds.NAME),
          Field.of(route + ".groupBy", new Bound.Items(64)),
          Field.of(route + ".groupBy[]", Bounds.NAME),
          Field.of(route + ".groupWait", Bounds.DURATION),
          Field.of(route + ".groupInterval", Bounds.POSITIVE_DURATION),
          Field.of(route + ".repeatInterval", Bounds.POSITIVE_DURATION),
          Field.of(route + ".notifyInhibited", Bounds.BOOLEAN),
          Field.of(route + ".routes", new Bound.Items(256))));
    }
    String receiver = "alerting.receivers[]";
    fields.addAll(List.of(
        Field.of("alerting.receivers", new Bound.Items(256)),
        Field.of(receiver, Bounds.SECTION),
        Field.of(receiver + ".name", Bounds.NAME)));
    for (String kind : List.of("webhook", "slack", "pagerduty", "email", "alertmanager")) {
      fields.add(Field.of(receiver + "." + kind, new Bound.Items(16)));
      fields.add(Field.of(receiver + "." + kind + "[]", Bounds.SECTION));
    }
    fields.addAll(List.of(
        Field.of(receiver + ".webhook[].url", Bounds.LOCATION),
        Field.of(receiver + ".slack[].webhookUrl", Bounds.LOCATION),
        Field.of(receiver + ".slack[].channel", Bounds.NAME),
        Field.of(receiver + ".pagerduty[].routingKey", token),
        Field.of(receiver + ".pagerduty[].eventsUrl", Bounds.LOCATION),
        Field.of(receiver + ".email[].to", new Bound.Items(64)),
        Field.of(receiver + ".email[].to[]", Bounds.NAME),
        Field.of(receiver + ".alertmanager[].url", Bounds.LOCATION)));
    smtp(fields, receiver + ".email[]");
    fields.addAll(List.of(
        Field.of("alerting.onCall", Bounds.SECTION),
        Field.of("alerting.onCall.slack", Bounds.SECTION),
        Field.of("alerting.onCall.slack.webhookUrl", Bounds.LOCATION),
        Field.of("alerting.onCall.email", Bounds.SECTION)));
    smtp(fields, "alerting.onCall.email");
    fields.addAll(List.of(
        Field.of("alerting.onCall.pagerduty", Bounds.SECTION),
        Field.of("alerting.onCall.pagerduty.eventsUrl", Bounds.LOCATION),
        Field.of("alerting.inhibition", Bounds.SECTION),
        Field.of("alerting.inhibition.lineage", Bounds.BOOLEAN),
        Field.of("alerting.delivery", Bounds.SECTION),
        Field.of("alerting.delivery.timeout", new Bound.Span(Duration.ofMillis(1), Duration.ofHours(1))),
        Field.of("alerting.delivery.maxRetryAge", Bounds.POSITIVE_DURATION),
        Field.of("dashboards", Bounds.SECTION),
        Field.of("dashboards.out", Bounds.LOCATION),
        Field.of("dashboards.prometheusUrl", Bounds.LOCATION),
        Field.of("dashboards.collectorUrl", Bounds.LOCATION),
        Field.of("dashboards.grafanaDashboardsPath", Bounds.LOCATION)));
    return fields;
  }

  private static void smtp(List<Field<?>> fields, String at) {
    fields.addAll(List.of(
        Field.of(at + ".from", Bounds.NAME),
        Field.of(at + ".smtp", Bounds.NAME),
        Field.of(at + ".startTls", Bounds.BOOLEAN),
        Field.of(at + ".username", Bounds.NAME),
        Field.of(at + ".password", new Bound.Text(1, 1_024))));
  }
}
