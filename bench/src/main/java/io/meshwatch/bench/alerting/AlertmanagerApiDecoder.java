package io.meshwatch.bench.alerting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.meshwatch.alerting.Alert;
import io.meshwatch.alerting.AlertCondition;
import io.meshwatch.alerting.AlertState;
import io.meshwatch.model.ProductId;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads the body of Alertmanager's {@code POST /api/v2/alerts} (a JSON array of postable alerts) into
 * meshwatch {@link Alert}s, in one streaming pass. An alert whose {@code endsAt} has passed is
 * resolved, else firing. Alerts that cannot be taken are reported by position and skipped; the rest
 * are taken, as Alertmanager does.
 */
final class AlertmanagerApiDecoder {
  private static final JsonFactory JSON = new JsonFactory();

  private AlertmanagerApiDecoder() {}

  record Decoded(List<Alert> alerts, List<String> problems) {}

  static Decoded decode(InputStream body, Instant now) throws IOException {
    List<Alert> alerts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected a JSON array of alerts");
      }
      for (int index = 0; parser.nextToken() == JsonToken.START_OBJECT; index++) {
        Map<String, String> labels = new TreeMap<>();
        Map<String, String> annotations = new TreeMap<>();
        String startsAt = null;
        String endsAt = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          switch (field) {
            case "labels" -> strings(parser, labels);
            case "annotations" -> strings(parser, annotations);
            case "startsAt" -> startsAt = parser.getValueAsString();
            case "endsAt" -> endsAt = parser.getValueAsString();
            default -> parser.skipChildren();
          }
        }
        try {
          alerts.add(alert(labels, annotations, time(startsAt, now), endsAt(endsAt), now));
        } catch (IllegalArgumentException | DateTimeParseException e) {
          problems.add("alert " + index + ": " + e.getMessage());
        }
      }
    }
    return new Decoded(alerts, problems);
  }

  private static void strings(JsonParser parser, Map<String, String> into) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new IOException("labels and annotations must be JSON objects");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      into.put(name, parser.getValueAsString(""));
    }
  }

  private static Instant time(@Nullable String text, Instant otherwise) {
    return text == null || text.isEmpty() || text.startsWith("0001-") ? otherwise : Instant.parse(text);
  }

  private static @Nullable Instant endsAt(@Nullable String text) {
    return text == null || text.isEmpty() || text.startsWith("0001-") ? null : Instant.parse(text);
  }

  static Alert alert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
      @Nullable Instant endsAt, Instant now) {
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("an alert needs labels");
    }
    String product = labels.get("product");
    String slo = labels.get("slo");
    if (product == null || slo == null) {
      throw new IllegalArgumentException("meshwatch alerts need the labels product and slo, got " + labels.keySet());
    }
    boolean resolved = endsAt != null && !endsAt.isAfter(now);
    return new Alert(fingerprint(labels), ProductId.parse(product), slo, condition(labels),
        resolved ? AlertState.RESOLVED : AlertState.FIRING, labels, annotations, startsAt, startsAt,
        resolved ? endsAt : null);
  }

  private static AlertCondition condition(Map<String, String> labels) {
    if ("page".equals(labels.get("severity"))) {
      return AlertCondition.BURN_RATE_PAGE;
    }
    return AlertCondition.SLO_BREACHING.alertName().equals(labels.get("alertname"))
        ? AlertCondition.SLO_BREACHING : AlertCondition.BURN_RATE_TICKET;
  }

  /** 16 hex digits of 64-bit FNV-1a over the sorted label pairs, as Alertmanager fingerprints by labels. */
  static String fingerprint(Map<String, String> sortedLabels) {
    long hash = 0xcbf29ce484222325L;
    for (Map.Entry<String, String> label : sortedLabels.entrySet()) {
      hash = fnv(fnv(hash, label.getKey()), label.getValue());
    }
    return HexFormat.of().toHexDigits(hash);
  }

  private static long fnv(long hash, String text) {
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    // A separator no label contains, so that ("ab","c") and ("a","bc") differ.
    return (hash ^ 0xff) * 0x100000001b3L;
  }
}
