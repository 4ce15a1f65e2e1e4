package io.meshwatch.collector.guard;

import io.meshwatch.model.SignalContract;
import java.time.Duration;
import java.util.List;

/**
 * The bounds of the JSON events of {@code POST /api/v1/products/{id}/events} (docs/EVENTS.md), for
 * the collector's clock skew and lateness: each field of any event type, and how many events one
 * request carries.
 */
public final class EventBounds {

  public static final String TRANSPORT = "JSON events";
  public static final Bound.Text NAME = Bounds.NAME;
  public static final Bound.Count COUNT = Bounds.COUNT;
  public static final Bound.Number ROWS = Bounds.ROWS;
  /** One read's latency, in milliseconds: at most {@link Bounds#MAX_DURATION}. */
  public static final Bound.Number LATENCY_MS = Bound.Number.closed(0, Bounds.MAX_DURATION.toMillis());
  /** One run's duration, in seconds: at most {@link Bounds#MAX_DURATION}. */
  public static final Bound.Number DURATION_SECONDS = Bound.Number.closed(0, Bounds.MAX_DURATION.toSeconds());

  private final Bound.Items events;
  private final Bound.Recent time;
  private final Bound.Recent dataTime;
  private final BoundsTable table;

  /**
   * @param maxSkew how far ahead of the clock any reported time may be
   * @param maxLateness how far behind the clock an event's observation time may be
   * @param maxEvents how many events one request may carry
   */
  public EventBounds(Duration maxSkew, Duration maxLateness, int maxEvents) {
    this.events = new Bound.Items(maxEvents);
    this.time = new Bound.Recent(maxLateness, maxSkew);
    this.dataTime = new Bound.Recent(Bounds.MAX_DATA_AGE, maxSkew);
    this.table = new BoundsTable(TRANSPORT, List.of(
        Field.of("events", events),
        Field.of("type", new Bound.Choice(List.of("freshness", "quality", "volume", "usage", "run", "heartbeat"))),
        Field.of("time", time),
        Field.of("dataTime", dataTime),
        Field.of("check", NAME),
        Field.of("passed", Bounds.BOOLEAN),
        Field.of("rowsChecked", COUNT),
        Field.of("rowsFailed", COUNT),
        Field.of("rows", ROWS),
        Field.of("consumer", NAME),
        Field.of("success", Bounds.BOOLEAN),
        Field.of("latencyMs", LATENCY_MS),
        Field.of("status", new Bound.Choice(List.of(SignalContract.RUN_SUCCEEDED, SignalContract.RUN_FAILED))),
        Field.of("durationSeconds", DURATION_SECONDS)));
  }

  public Bound.Items events() {
    return events;
  }

  /** An event's observation time. */
  public Bound.Recent time() {
    return time;
  }

  /** A freshness event's data time: as old as ten years, since an old data time is what freshness measures. */
  public Bound.Recent dataTime() {
    return dataTime;
  }

  public BoundsTable table() {
    return table;
  }
}
