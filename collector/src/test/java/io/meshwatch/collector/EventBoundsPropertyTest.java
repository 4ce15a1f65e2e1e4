package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.guard.EventBounds;
import io.meshwatch.collector.guard.Extremes;
import io.meshwatch.collector.guard.Field;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Every field of the JSON events' table, driven at and past its extremes through {@code POST
 * /api/v1/products/{id}/events} of one real collector: each value is refused with a 4xx that names
 * the field (and counted), or accepted, and then evaluation, every API read and {@code /metrics} still
 * answer; after the last, so does a restart on the same data dir.
 */
class EventBoundsPropertyTest {

  private static final EventBounds BOUNDS = new EventBounds(Duration.ofMinutes(5), Duration.ofHours(1), 10_000);
  /** What an event of each type needs besides its type. */
  private static final java.util.Map<Object, String> COMPLETE = java.util.Map.of(
      "freshness", ",\"dataTime\":\"2026-11-25T09:00:00Z\"", "quality", ",\"check\":\"c\",\"passed\":true",
      "volume", ",\"rows\":10", "usage", ",\"consumer\":\"bi\",\"success\":true", "run", ",\"status\":\"failed\"");
  private static final String EVENTS = "/api/v1/products/" + BoundaryCollector.ORDERS + "/events";

  record Case(String field, Extremes.Edge edge) {
    @Override
    public String toString() {
      return field + ": " + edge;
    }
  }

  private BoundaryCollector collector;

  @BeforeProperty
  void start() {
    collector = new BoundaryCollector();
  }

  @AfterProperty
  void restartAndStop() {
    try {
      collector.assertUnbroken(collector.products(), true);
      collector.restart();
      collector.assertUnbroken(collector.products(), true);
    } finally {
      collector.close();
    }
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 10_000)
  void everyEdgeOfEveryField_isRefusedNamingItOrLeavesTheCollectorWhole(@ForAll("cases") Case c) {

    HttpResponse<String> response = collector.post(EVENTS, body(c.field(), c.edge().value()), BoundaryCollector.INGEST);

    if (response.statusCode() == 202) {
      collector.assertUnbroken(List.of(BoundaryCollector.ORDERS.toString()));
    } else {
      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
      assertThat(response.body()).contains(c.field());
      collector.assertRefusalCounted();
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Field<?> field : BOUNDS.table().fields()) {
      Extremes.of(field.bound(), BoundaryCollector.T0).forEach(edge -> cases.add(new Case(field.name(), edge)));
    }
    return Arbitraries.of(cases);
  }

  /** One event (or, for {@code events}, that many heartbeats) with {@code field} set to {@code value}. */
  private static String body(String field, Object value) {
    String v = value instanceof Extremes.Items ? "" : json(value, field.equals("passed") || field.equals("success"));
    return switch (field) {
      case "events" -> "[" + String.join(",", Collections.nCopies(((Extremes.Items) value).count(), "{\"type\":\"heartbeat\"}")) + "]";
      case "type" -> "{\"type\":" + v + COMPLETE.getOrDefault(value, "") + "}";
      case "time" -> "{\"type\":\"heartbeat\",\"time\":" + v + "}";
      case "dataTime" -> "{\"type\":\"freshness\",\"dataTime\":" + v + "}";
      case "check" -> "{\"type\":\"quality\",\"check\":" + v + ",\"passed\":true}";
      case "passed" -> "{\"type\":\"quality\",\"check\":\"c\",\"passed\":" + v + "}";
      case "rowsChecked" -> "{\"type\":\"quality\",\"check\":\"c\",\"passed\":false,\"rowsChecked\":" + v + "}";
      case "rowsFailed" -> "{\"type\":\"quality\",\"check\":\"c\",\"passed\":false,\"rowsChecked\":9007199254740992,"
          + "\"rowsFailed\":" + v + "}";
      case "rows" -> "{\"type\":\"volume\",\"rows\":" + v + "}";
      case "consumer" -> "{\"type\":\"usage\",\"consumer\":" + v + ",\"success\":true}";
      case "success" -> "{\"type\":\"usage\",\"consumer\":\"bi\",\"success\":" + v + "}";
      case "latencyMs" -> "{\"type\":\"usage\",\"consumer\":\"bi\",\"success\":false,\"latencyMs\":" + v + "}";
      case "status" -> "{\"type\":\"run\",\"status\":" + v + "}";
      case "durationSeconds" -> "{\"type\":\"run\",\"status\":\"failed\",\"durationSeconds\":" + v + "}";
      default -> throw new AssertionError("no event carries " + field + ": add it here");
    };
  }

  static String json(Object value, boolean booleans) {
    if (value instanceof Long || value instanceof BigInteger || value instanceof Double) {
      return value.toString();
    }
    String text = (String) value;
    if (booleans && (text.equals("true") || text.equals("false"))) {
      return text;
    }
    return CollectorClient.quote(text);
  }
}
