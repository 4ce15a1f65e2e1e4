package io.meshwatch.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwatch.collector.guard.EventBounds;
import io.meshwatch.collector.guard.Shown;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.Signal;
import io.meshwatch.model.SignalContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Reads one JSON event into the signal it stands for, reporting every problem it has. */
final class EventReader {

  private static final String TYPE = "type";
  private static final String TIME = "time";
  /** Each event type and every field it may have; each field has its entry in {@link EventBounds}. */
  static final Map<String, List<String>> FIELDS = Map.of(
      "freshness", List.of(TYPE, TIME, "dataTime"),
      "quality", List.of(TYPE, TIME, "check", "passed", "rowsChecked", "rowsFailed"),
      "volume", List.of(TYPE, TIME, "rows"),
      "usage", List.of(TYPE, TIME, "consumer", "success", "latencyMs"),
      "run", List.of(TYPE, TIME, "status", "durationSeconds"),
      "heartbeat", List.of(TYPE, TIME));
  private static final String TYPES = "freshness, quality, volume, usage, run, heartbeat";

  private final ProductId product;
  private final Instant now;
  private final EventBounds bounds;

  EventReader(ProductId product, Instant now, EventBounds bounds) {
    this.product = product;
    this.now = now;
    this.bounds = bounds;
  }

  /** The event's signal, or {@code null} after telling {@code problems} everything wrong with it. */
  @Nullable Signal read(String path, JsonNode event, Consumer<Rejection> problems) {
    EventFields fields = new EventFields(event, path, now, bounds, problems);
    if (!event.isObject()) {
      fields.problem(RejectReason.MALFORMED, "", "must be an object with a \"type\", got " + Shown.cut(event.toString()));
      return null;
    }
    JsonNode typeNode = event.get(TYPE);
    String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
    if (type == null || !FIELDS.containsKey(type)) {
      fields.problem(RejectReason.MALFORMED, TYPE, (typeNode == null ? "missing" : "unknown type " + Shown.cut(typeNode.toString()))
          + "; must be one of " + TYPES);
      return null;
    }
    fields.onlyFields(FIELDS.get(type), type);
    Instant at = fields.observedAt(TIME, now);
    Signal signal = signal(type, fields, at == null ? now : at);
    return fields.failed() ? null : signal;
  }

  private @Nullable Signal signal(String type, EventFields fields, Instant at) {
    return switch (type) {
      case "freshness" -> {
        Instant dataTime = fields.dataTime("dataTime");
        yield dataTime == null ? null : new Signal.FreshnessUpdate(product, at, dataTime);
      }
      case "quality" -> quality(fields, at);
      case "volume" -> {
        Double rows = fields.number("rows", null);
        yield rows == null ? null : new Signal.VolumeWritten(product, at, 1, rows);
      }
      case "usage" -> {
        String consumer = fields.text("consumer");
        Boolean success = fields.bool("success");
        Double latencyMs = fields.number("latencyMs", 0.0);
        yield consumer == null || success == null || latencyMs == null ? null : new Signal.UsageReads(
            product, at, consumer, success ? 1 : 0, success ? 0 : 1, Duration.ofNanos(Math.round(latencyMs * 1e6)));
      }
      case "run" -> run(fields, at);
      default -> new Signal.Heartbeat(product, at);
    };
  }

  private @Nullable Signal quality(EventFields fields, Instant at) {
    String check = fields.text("check");
    Boolean passed = fields.bool("passed");
    Long rowsChecked = fields.count("rowsChecked", 0L);
    Long rowsFailed = fields.count("rowsFailed", 0L);
    if (rowsChecked != null && rowsFailed != null && rowsFailed > rowsChecked) {
      fields.problem(RejectReason.INVALID_VALUE, "rowsFailed",
          "must not exceed rowsChecked (" + rowsChecked + "), got " + rowsFailed);
      return null;
    }
    if (check == null || passed == null || rowsChecked == null || rowsFailed == null) {
      return null;
    }
    return new Signal.QualityOutcome(product, at, check, passed ? 1 : 0, passed ? 0 : 1, rowsChecked, rowsFailed);
  }

  private @Nullable Signal run(EventFields fields, Instant at) {
    String status = fields.choice("status");
    Double seconds = fields.number("durationSeconds", 0.0);
    if (status == null || seconds == null) {
      return null;
    }
    boolean succeeded = status.equals(SignalContract.RUN_SUCCEEDED);
    return new Signal.RunsCompleted(product, at, succeeded ? 1 : 0, succeeded ? 0 : 1,
        Duration.ofNanos(Math.round(seconds * 1e9)));
  }
}
