package io.meshwatch.collector.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.meshwatch.collector.guard.EventBounds;
import io.meshwatch.collector.guard.Violation;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes the plain JSON events of {@code POST /api/v1/products/{id}/events} ({@code docs/EVENTS.md}):
 * one event, an array of them, or {@code {"events": [...]}}. All or nothing: when any event is bad,
 * no signal is returned and every problem is listed by the event's index. Safe to call from several
 * threads at once.
 */
public final class JsonEventDecoder {

  private static final String EVENTS = "events";
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final InstantSource clock;
  private final EventBounds bounds;

  public JsonEventDecoder(InstantSource clock, IngestLimits limits) {
    this.clock = clock;
    this.bounds = new EventBounds(limits.maxClockSkew(), limits.maxLateness(), limits.maxEventsPerRequest());
  }

  /** The bounds every event is held to. */
  public EventBounds bounds() {
    return bounds;
  }

  /**
   * The signals of {@code product}'s events, or (when any is bad) none and one rejection per problem.
   *
   * @throws MalformedPayloadException when the body is not JSON, not one of the accepted shapes, or
   *     holds more than {@link IngestLimits#maxEventsPerRequest()} events
   */
  public DecodeResult decode(ProductId product, byte[] body) throws MalformedPayloadException {
    List<JsonNode> events = events(parse(body));
    EventReader reader = new EventReader(product, clock.instant(), bounds);
    List<Signal> signals = new ArrayList<>(events.size());
    List<Rejection> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      String path = EVENTS + "[" + i + "]";
      try {
        Signal signal = reader.read(path, events.get(i), problems::add);
        if (signal != null) {
          signals.add(signal);
        }
      } catch (IllegalArgumentException e) {
        // The reader checks what the model checks; this only catches what it missed.
        problems.add(new Rejection(RejectReason.INVALID_VALUE, path + ": " + e.getMessage()));
      }
    }
    return problems.isEmpty()
        ? new DecodeResult(signals, events.size(), 0, List.of())
        : new DecodeResult(List.of(), 0, events.size(), problems);
  }

  private static JsonNode parse(byte[] body) throws MalformedPayloadException {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new MalformedPayloadException("body is empty; expected a JSON event, an array of events or {\"events\": [...]}");
      }
      return root;
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new MalformedPayloadException("not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedPayloadException("could not read the body: " + e.getMessage(), e);
    }
  }

  private List<JsonNode> events(JsonNode root) throws MalformedPayloadException {
    JsonNode array = root;
    if (root.isObject() && root.has(EVENTS)) {
      List<String> others = new ArrayList<>();
      root.fieldNames().forEachRemaining(name -> {
        if (!name.equals(EVENTS)) {
          others.add(name);
        }
      });
      if (!others.isEmpty()) {
        throw new MalformedPayloadException("unknown field(s) " + others + " next to \"events\"; the wrapper holds only \"events\"");
      }
      array = root.get(EVENTS);
      if (!array.isArray()) {
        throw new MalformedPayloadException("\"events\" must be an array, got " + array.getNodeType().name().toLowerCase(Locale.ROOT));
      }
    }
    if (!array.isArray() && !array.isObject()) {
      throw new MalformedPayloadException("body must be a JSON event object, an array of events or {\"events\": [...]}, got "
          + array.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    if (array.isObject()) {
      return List.of(array);
    }
    Violation tooMany = bounds.events().check(array.size());
    if (tooMany != null) {
      throw new MalformedPayloadException("too many events: " + tooMany.message());
    }
    List<JsonNode> events = new ArrayList<>(array.size());
    array.forEach(events::add);
    return events;
  }
}
