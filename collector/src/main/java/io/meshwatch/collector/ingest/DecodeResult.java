package io.meshwatch.collector.ingest;

import io.meshwatch.model.Signal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one request decoded to.
 *
 * @param signals what to record; may hold signals even when every point was rejected (a resource's
 *     heartbeat), so check {@link #allRejected()} first
 * @param acceptedPoints OTLP data points or JSON events that were good
 * @param rejectedPoints OTLP data points or JSON events that were not
 * @param rejections one per problem found: a point, an event, or a whole resource whose product is wrong
 * @param seriesRefusals which of the rejected points were new cumulative series refused, and why
 * @param advance what decoding advanced of the cumulative series it read, until {@link #undo}ne
 */
public record DecodeResult(List<Signal> signals, long acceptedPoints, long rejectedPoints, List<Rejection> rejections,
    SeriesRefusals seriesRefusals, Advance advance) {

  private static final int MESSAGES_SHOWN = 5;

  public DecodeResult {
    signals = List.copyOf(signals);
    rejections = List.copyOf(rejections);
    if (acceptedPoints < 0 || rejectedPoints < 0) {
      throw new IllegalArgumentException(
          "point counts must not be negative, got accepted " + acceptedPoints + ", rejected " + rejectedPoints);
    }
  }

  /** A result without cumulative series (JSON events). */
  public DecodeResult(List<Signal> signals, long acceptedPoints, long rejectedPoints, List<Rejection> rejections) {
    this(signals, acceptedPoints, rejectedPoints, rejections, SeriesRefusals.NONE, Advance.NONE);
  }

  /**
   * Takes back what decoding advanced of cumulative series, where no later request has moved them on:
   * call it when the signals could not be recorded (the journal refused them), so that the client's
   * retry of the same readings counts their deltas again instead of nothing. Once they are recorded
   * there is nothing to do: what was advanced stands.
   */
  public void undo() {
    advance.undo();
  }

  /** What decoding one request changed of the collector's cumulative state. */
  @FunctionalInterface
  public interface Advance {
    /** Nothing changed. */
    Advance NONE = () -> { };

    void undo();
  }

  /**
   * Points rejected as {@code too_many_series}, by whose budget was full: {@code overOwnBudget} when
   * their product or the token they came with holds its whole budget (the reporter's to fix: 429),
   * {@code collectorFull} when only the collector as a whole holds its cap (the collector's: 503).
   */
  public record SeriesRefusals(long overOwnBudget, long collectorFull) {
    public static final SeriesRefusals NONE = new SeriesRefusals(0, 0);
  }

  /** Nothing in the request was usable: answer with an error rather than a partial success. */
  public boolean allRejected() {
    return rejectedPoints > 0 && acceptedPoints == 0;
  }

  /** The first few rejection messages, joined, for a response body; empty when nothing was rejected. */
  public String errorMessage() {
    String shown = rejections.stream().limit(MESSAGES_SHOWN).map(Rejection::message).collect(Collectors.joining("; "));
    int more = rejections.size() - MESSAGES_SHOWN;
    return more > 0 ? shown + "; and " + more + " more" : shown;
  }
}
