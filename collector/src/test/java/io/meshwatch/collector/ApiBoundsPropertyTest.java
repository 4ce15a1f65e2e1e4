package io.meshwatch.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.guard.ApiBounds;
import io.meshwatch.collector.guard.Extremes;
import io.meshwatch.collector.guard.Field;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Every field of the HTTP API's table (query and path parameters, silences, acknowledgements), driven
 * at and past its extremes through its endpoint on one real collector with firing alerts: a value
 * outside its bound is refused with a 4xx naming the field, one inside is answered (or refused as the
 * request it makes, say a matcher that is not one), and after every value evaluation, every list and
 * {@code /metrics} still answer; after the last, every read again and a restart, which restores every
 * silence and acknowledgement accepted.
 */
class ApiBoundsPropertyTest {

  private static final String MATCHER = "\"product=\\\"sales.orders\\\"\"";

  record Case(String field, Extremes.Edge edge) {
    @Override
    public String toString() {
      return field + ": " + edge;
    }
  }

  private BoundaryCollector collector;
  private String fingerprint;

  @BeforeProperty
  void start() {
    collector = new BoundaryCollector();
    fingerprint = CollectorClient.parse(collector.client.get("/api/v1/alerts?state=firing").body())
        .path("alerts").get(0).path("fingerprint").asText();
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
  void everyEdgeOfEveryParameterAndField_isRefusedNamingItOrLeavesTheCollectorWhole(@ForAll("cases") Case c) {
    HttpResponse<String> response = send(c.field(), c.edge().value());

    if (response.statusCode() >= 400) {
      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
      // A request line too long to parse, or an empty path segment no route takes: the value never reaches its reader.
      boolean beforeTheHandler = response.statusCode() == 414 || response.statusCode() == 431
          || response.body().contains("no such endpoint");
      if (!c.edge().inside() && !beforeTheHandler) {
        assertThat(response.body()).containsPattern(named(c.field()));
      }
    } else {
      assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }
    collector.assertUnbroken(List.of(BoundaryCollector.ORDERS.toString()));
  }

  @Provide
  Arbitrary<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Field<?> field : ApiBounds.TABLE.fields()) {
      Extremes.of(field.bound(), BoundaryCollector.T0).forEach(edge -> cases.add(new Case(field.name(), edge)));
    }
    return Arbitraries.of(cases);
  }

  /** The request that carries {@code value} at {@code field}: {@code METHOD /path name}. */
  private HttpResponse<String> send(String field, Object value) {
    String name = name(field);
    String v = value instanceof Extremes.Items ? "" : String.valueOf(value);
    String query = URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    String json = value instanceof Extremes.Items ? "" : EventBoundsPropertyTest.json(value, name.startsWith("is"));
    String orders = "/api/v1/products/" + BoundaryCollector.ORDERS;
    return switch (field.substring(0, field.lastIndexOf(' '))) {
      case "/api/v1/products/{id}" -> collector.client.get("/api/v1/products/" + query);
      case "GET /api/v1/slos", "GET /api/v1/alerts", "GET /api/v1/silences" ->
          collector.client.get(field.split(" ")[1] + "?" + name + "=" + query);
      case "GET /api/v1/products/{id}/slos/{name}" -> name.equals("name")
          ? collector.client.get(orders + "/slos/" + query)
          : collector.client.get(orders + "/slos/runs?step=" + query);
      case "POST /api/v1/alerts/{fingerprint}/ack" -> switch (name) {
        case "fingerprint" -> ack(query, "{\"by\":\"jane\"}");
        case "by" -> ack(fingerprint, "{\"by\":" + json + "}");
        default -> ack(fingerprint, "{\"by\":\"jane\",\"comment\":" + json + "}");
      };
      case "/api/v1/silences/{id}" -> collector.client.get("/api/v1/silences/" + query);
      case "POST /api/v1/silences" -> collector.post("/api/v1/silences", silence(name, value, json), BoundaryCollector.ADMIN);
      default -> throw new AssertionError("no request carries " + field + ": add it here");
    };
  }

  private HttpResponse<String> ack(String alert, String body) {
    return collector.post("/api/v1/alerts/" + alert + "/ack", body, BoundaryCollector.ADMIN);
  }

  private static String silence(String name, Object value, String json) {
    String matchers = "[" + MATCHER + "]";
    String rest = "\"createdBy\":\"jane\",\"comment\":\"c\",\"duration\":\"1h\"";
    return switch (name) {
      case "matchers" -> "{\"matchers\":[" + String.join(",", Collections.nCopies(((Extremes.Items) value).count(), MATCHER))
          + "]," + rest + "}";
      case "matchers[]" -> "{\"matchers\":[" + json + "]," + rest + "}";
      case "matchers[].name" -> "{\"matchers\":[{\"name\":" + json + ",\"value\":\"sales.orders\"}]," + rest + "}";
      case "matchers[].value" -> "{\"matchers\":[{\"name\":\"product\",\"value\":" + json + "}]," + rest + "}";
      case "matchers[].isRegex", "matchers[].isEqual" -> "{\"matchers\":[{\"name\":\"product\",\"value\":\"sales.orders\",\""
          + name.substring("matchers[].".length()) + "\":" + json + "}]," + rest + "}";
      case "startsAt" -> "{\"matchers\":" + matchers + ",\"createdBy\":\"jane\",\"startsAt\":" + json + ",\"duration\":\"1h\"}";
      case "endsAt" -> "{\"matchers\":" + matchers + ",\"createdBy\":\"jane\",\"endsAt\":" + json + "}";
      case "duration" -> "{\"matchers\":" + matchers + ",\"createdBy\":\"jane\",\"duration\":" + json + "}";
      case "createdBy" -> "{\"matchers\":" + matchers + ",\"createdBy\":" + json + ",\"duration\":\"1h\"}";
      case "comment" -> "{\"matchers\":" + matchers + ",\"createdBy\":\"jane\",\"comment\":" + json + ",\"duration\":\"1h\"}";
      default -> throw new AssertionError("no silence field " + name + ": add it here");
    };
  }

  /** How a refusal names the field: a list item by its index; a matcher's parts, in the object form, as the matcher. */
  private static String named(String field) {
    String name = name(field).replaceAll("^matchers\\[]\\..*", "matchers[]");
    return java.util.regex.Pattern.quote(name).replace("[]", "\\E\\[\\d+]\\Q");
  }

  /** The parameter or field a table entry names, e.g. {@code step} of {@code GET /api/v1/products/{id}/slos/{name} step}. */
  private static String name(String field) {
    return field.substring(field.lastIndexOf(' ') + 1);
  }
}
